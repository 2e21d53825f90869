using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Course;

/// <summary>How many Table Storage requests a turn costs, against a real Azurite. The numbers are pinned on purpose.</summary>
public sealed class StorageCostTests : IAsyncLifetime
{
    private BotHost Bot { get; set; } = null!;

    // The schedulers' own storage reads (a nudge tick lists the teams every 20 s) would land in a turn's count by chance.
    public async Task InitializeAsync() => Bot = await BotHost.StartAsync(azurite: true, configure: settings =>
    {
        settings["Nudges:SchedulerEnabled"] = "false";
        settings["Reminders:SchedulerEnabled"] = "false";
    });

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    [Fact]
    public async Task FirstContact_CostsThreeRequests()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", "fr-BE"));
        Bot.StorageRequests.Reset();

        await chat.InstallAsync();

        // Conversation reference upsert + learner point read + learner insert.
        Assert.True(3 == Bot.StorageRequests.Total, string.Join(", ", Bot.StorageRequests.Snapshot().Select(r => $"{r.Key}={r.Value}"))); // conversation upsert, learner read, learner insert
    }

    [Fact]
    public async Task TypicalTurn_OfAKnownLearner_CostsOnePointRead()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Jan", "nl-BE"));
        await chat.InstallAsync();
        Bot.StorageRequests.Reset();

        await chat.SendAsync("hulp");

        // The conversation reference is already known to this instance: only the learner is read.
        var requests = Bot.StorageRequests.Snapshot();
        Assert.Equal(1, Bot.StorageRequests.Total);
        Assert.Single(requests, r => r.Key.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LessonAndQuizTurns_CostOneReadAndOneWrite()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lea", "de-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Starten");

        Bot.StorageRequests.Reset();
        await chat.ClickAsync("Weiter");
        var lesson = Bot.StorageRequests.Snapshot();

        await chat.ClickAsync("Übersicht der Schulung");
        await chat.ClickAsync("Quiz zu Modul 1");
        Bot.StorageRequests.Reset();
        var submit = chat.Card!.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        await chat.ClickAsync(submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = "a" });
        var answer = Bot.StorageRequests.Snapshot();

        foreach (var turn in new[] { lesson, answer })
        {
            Assert.Equal(2, turn.Values.Sum());
            Assert.Equal(1, turn.Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value));
            Assert.Equal(1, turn.Where(r => r.Key.StartsWith("PUT ", StringComparison.Ordinal)).Sum(r => r.Value));
        }
    }
}
