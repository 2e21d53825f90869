using System.Diagnostics;
using System.Globalization;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Faults;

/// <summary>A connector that never answers: the turn gives up at its deadline, with no apology and no retry after it.</summary>
public sealed class HangingConnectorTests
{
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Time for the host to notice the deadline and answer; nothing like another connector attempt (30 s).</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData("help")]
    [InlineData("hello")]
    public async Task HangingConnector_HoldsTheTurnNoLongerThanItsDeadline(string text)
    {
        // Before: the turn was cut at its deadline, then the apology was sent without one and retried 4 × 30 s (155 s
        // in all against a 30 s turn timeout).
        await using var bot = await BotHost.StartAsync(configure: s =>
            s["Bot:Endpoint:TurnTimeout"] = TurnTimeout.ToString("c", CultureInfo.InvariantCulture));
        bot.Connector.FailNext(100, ConnectorFault.Hang(TimeSpan.FromMinutes(5)));
        var activity = bot.Activities.PersonalMessage(TeamsUser.Create("Patient", "fr-BE"), "a:" + Guid.NewGuid().ToString("N"), text);
        var clock = Stopwatch.StartNew();

        using var response = await bot.PostAsync(activity).WaitAsync(TurnTimeout + TimeSpan.FromSeconds(20));
        var elapsed = clock.Elapsed;

        Assert.True(elapsed < TurnTimeout + Margin, $"the turn held its request for {elapsed.TotalSeconds:0.0} s");
        var calls = bot.Connector.Requests;
        Assert.True(calls.Count == 1, $"connector calls after the deadline: {string.Join("; ", calls)}");
    }
}
