using System.Net;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Web.Tests.Turns;

/// <summary>
/// 403 InvalidBotApiHost (a GCC tenant reached on the public host, teams-protocol.md §5.3): nothing the bot sends
/// through that serviceUrl can arrive, so it is neither an error per turn nor a reason to apologise (another send).
/// </summary>
public sealed class WrongServiceHostTests() : BotTest()
{
    [Fact]
    public async Task InvalidBotApiHost_OnEveryTurn_WarnsOnceMarksTheConversationAndSendsNoApology()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Gail"));
        await chat.InstallAsync();
        var requestsBefore = Bot.Connector.Requests.Count;
        Bot.Connector.FailNext(100, 403, "InvalidBotApiHost");

        for (var turn = 0; turn < 3; turn++)
        {
            Assert.Equal(HttpStatusCode.OK, (await chat.SendAsync("help")).Status);
        }

        var stored = await Bot.Services.GetRequiredService<IConversationStore>().FindAsync(Bot.Activities.TenantId, chat.ConversationId, CancellationToken.None);
        Assert.False(stored!.Active);
        Assert.Equal("InvalidBotApiHost", stored.InactiveReason);
        var lines = Bot.Logs.Lines.Where(l => l.Category.StartsWith("ConnectooBot.Web", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Error);
        Assert.Single(lines, l => l.Level == LogLevel.Warning);
        Assert.Equal(3, Bot.Connector.Requests.Count - requestsBefore); // each turn's reply, and no apology after it
    }
}
