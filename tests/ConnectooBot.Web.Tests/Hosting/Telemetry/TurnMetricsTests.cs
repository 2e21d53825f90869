using System.Diagnostics.Metrics;
using System.Net;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Hosting.Telemetry;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

public sealed class TurnMetricsTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private MetricRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        _metrics = new MetricRecorder(_bot.Services.GetRequiredService<IMeterFactory>(), BotMetrics.TurnsName, BotMetrics.TurnDurationName);
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task PersonalMessage_WhenAnswered_CountsOneOkTurnWithItsDuration()
    {
        var chat = _bot.PersonalChat(TeamsUser.Create("Ana"));

        var reply = await chat.SendAsync("help");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var turn = Assert.Single(_metrics.Of(BotMetrics.TurnsName));
        Assert.Equal(1, turn.Value);
        Assert.Equal("message", turn.Tags[TurnLabels.ActivityTypeTag]);
        Assert.Equal("personal", turn.Tags[TurnLabels.ConversationKindTag]);
        Assert.Equal(TurnOutcomes.Ok, turn.Tags[TurnLabels.OutcomeTag]);
        var duration = Assert.Single(_metrics.Of(BotMetrics.TurnDurationName));
        Assert.True(duration.Value >= 0);
        Assert.Equal(turn.Tags, duration.Tags);
    }

    [Fact]
    public async Task PersonalMessage_WhenCounted_CarriesNoIdOrText()
    {
        var user = TeamsUser.Create("Ana");
        var chat = _bot.PersonalChat(user);

        await chat.SendAsync("help");

        var tags = Assert.Single(_metrics.Of(BotMetrics.TurnsName)).Tags;
        Assert.Equal([TurnLabels.ActivityTypeTag, TurnLabels.ConversationKindTag, TurnLabels.OutcomeTag], tags.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(tags.Values, v => v is not null && (v.Contains("help", StringComparison.Ordinal) || v.Contains(chat.ConversationId, StringComparison.Ordinal)));
    }
}
