using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.Content;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Badges;

/// <summary>
/// The turn that completes the course saves the learner's progress, then storage fails at its first badge call
/// (<c>Storage:Faults:BadgeStoreFailures = 1</c>): the badge must still come, once — on Teams' re-delivery of that
/// turn, or with the learner's next course turn.
/// </summary>
public sealed class BadgeRecoveryConversationTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    private UiContent Ui => _bot.Services.GetRequiredService<UiContent>();

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(configure: s => s["Storage:Faults:BadgeStoreFailures"] = "1");

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task StorageCutAtTheFirstBadgeCall_TheRedeliveredTurnBringsTheBadge()
    {
        var chat = _bot.PersonalChat(TeamsUser.Create("Inès Claes", "fr-BE"));
        await chat.InstallAsync();
        var completing = await new CourseWalk(_bot, chat, "fr").UpToTheLastResultAsync();

        var failed = await chat.PostAsync(completing);
        var afterFailure = await BadgesOfAsync(chat);
        var redelivered = await chat.PostAsync(completing);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Empty(afterFailure);
        Assert.Equal(HttpStatusCode.OK, redelivered.Status);
        Assert.Contains(Ui.Text("fr", "result.completed"), new CardView(redelivered.InvokeCard!).Texts);
        var card = Assert.Single(BadgeCards(redelivered));
        var badge = Assert.Single(await BadgesOfAsync(chat));
        Assert.Equal(badge.BadgeId, card["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == "badge.share")!["data"]!["b"]!.GetValue<string>());
    }

    [Fact]
    public async Task StorageCutAtTheFirstBadgeCall_TheNextCourseTurnBringsTheBadge_AndTheOneAfterItNoSecond()
    {
        var chat = _bot.PersonalChat(TeamsUser.Create("Pieter Wouters", "nl-BE"));
        await chat.InstallAsync();
        var completing = await new CourseWalk(_bot, chat, "nl").UpToTheLastResultAsync();
        var failed = await chat.PostAsync(completing);

        var next = await chat.SendAsync(Ui.CommandWord("nl", "continue"));
        var afterThat = await chat.SendAsync(Ui.CommandWord("nl", "modules"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Single(BadgeCards(next));
        Assert.Empty(BadgeCards(afterThat));
        Assert.Single(await BadgesOfAsync(chat));
    }

    private Task<IReadOnlyList<Learning.Badges.BadgeRecord>> BadgesOfAsync(PersonalChat chat) =>
        _bot.Services.GetRequiredService<IBadgeStore>().FindByLearnerAsync(new LearnerKey(_bot.Activities.TenantId, chat.User.AadObjectId), CancellationToken.None);

    private static List<JsonObject> BadgeCards(BotReply reply) =>
        [.. reply.Sent.Select(s => s.Activity.Attachments?.FirstOrDefault()?.Content as JsonObject)
            .OfType<JsonObject>()
            .Where(c => c["actions"]?.AsArray().Any(a => a!["verb"]?.GetValue<string>() == "badge.share") == true)];
}
