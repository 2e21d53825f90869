using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Course;

/// <summary>How many Table Storage requests a turn costs, against a real Azurite. The numbers are pinned on purpose.</summary>
public sealed class StorageCostTests : IAsyncLifetime
{
    private BotHost Bot { get; set; } = null!;

    // The schedulers' own storage reads (a nudge tick lists the teams every 20 s) would land in a turn's count by chance.
    public async Task InitializeAsync() => Bot = await BotHost.StartAsync(azurite: true, configure: WithoutSchedulers);

    private static void WithoutSchedulers(IDictionary<string, string?> settings)
    {
        settings["Nudges:SchedulerEnabled"] = "false";
        settings["Reminders:SchedulerEnabled"] = "false";
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    [Fact]
    public async Task FirstContact_CostsFourRequests()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", "fr-BE"));
        Bot.StorageRequests.Reset();

        await chat.InstallAsync();

        // Conversation reference upsert + learner point read + learner insert holding the activity's claim in its row +
        // the claim marked done in that row after the welcome was sent. No transaction, no claim row.
        var requests = Bot.StorageRequests.Snapshot();
        Assert.True(4 == Bot.StorageRequests.Total, string.Join(", ", requests.Select(r => $"{r.Key}={r.Value}")));
        Assert.DoesNotContain(requests, r => r.Key == "POST $batch");
        Assert.Equal(1, requests.Single(r => r.Key.StartsWith("POST ", StringComparison.Ordinal)).Value); // the learner's insert
    }

    [Fact]
    public async Task TypicalTurn_OfAKnownLearner_CostsOnePointRead_AndItsClaim()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Jan", "nl-BE"));
        await chat.InstallAsync();
        Bot.StorageRequests.Reset();

        await chat.SendAsync("hulp");

        // The conversation reference is already known to this instance: the learner is read; "help" sends before any
        // write, so its claim is written into the learner's row first and marked done there after the send.
        var requests = Bot.StorageRequests.Snapshot();
        Assert.True(3 == Bot.StorageRequests.Total, string.Join(", ", requests.Select(r => $"{r.Key}={r.Value}")));
        Assert.Single(requests, r => r.Key.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LessonAndQuizTurns_CostOneWrite_WhenThisInstanceHoldsTheLearner()
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
            // No read: this instance wrote the learner last and starts from that copy (CachedLearnerStore); the write,
            // the learner's row holding the activity's claim (and the card answered), is one plain replace that presents
            // the copy's ETag.
            Assert.True(1 == turn.Values.Sum(), string.Join(", ", turn.Select(r => $"{r.Key}={r.Value}")));
            Assert.Equal(1, turn.Where(r => r.Key.StartsWith("PUT ", StringComparison.Ordinal)).Sum(r => r.Value));
        }
    }

    [Fact]
    public async Task ACardInANewMessage_WithNothingChanged_TakesItsClaimWithTheLearnerWrite_AndReadsNothing()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lea", "de-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Starten");
        Bot.StorageRequests.Reset();

        var map = await chat.ClickAsync("Übersicht der Schulung");

        // The course map changes no progress, but goes out through the connector, which needs the activity's claim
        // first: the claim is written with the learner, from this instance's copy (its ETag proves the copy current,
        // where a storage read used to confirm "nothing changed" first), and marked done after the send.
        Assert.Single(map.Sent); // the map, through the connector
        var requests = Bot.StorageRequests.Snapshot();
        Assert.True(2 == Bot.StorageRequests.Total, string.Join(", ", requests.Select(r => $"{r.Key}={r.Value}")));
        Assert.Equal(2, requests.Where(r => r.Key.StartsWith("PUT ", StringComparison.Ordinal)).Sum(r => r.Value));
    }

    /// <param name="viaSubmit">
    /// False: an invoke answered in place. Nothing to write, judged on this instance's copy: one storage read confirms it,
    /// and the same read showed no other turn holding the activity, so no second read looks for its claim. True:
    /// Action.Submit (a client without Action.Execute), a message activity answered by updating the card through the
    /// connector, which needs the claim first: written with the learner from this instance's copy, then done.
    /// </param>
    [Theory]
    [InlineData(false, "GET ", 1)]
    [InlineData(true, "PUT ", 2)]
    public async Task AStaleClick_CostsOneRead_OrFromAnOlderClientTwoWrites(bool viaSubmit, string method, int requestCount)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lea", "de-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Starten");
        var stepOne = chat.Card!;
        await chat.ClickAsync("Weiter");
        await chat.ClickAsync("Weiter");
        Bot.StorageRequests.Reset();

        var stale = await chat.ClickAsync(stepOne, "Weiter", viaSubmit: viaSubmit);

        Assert.Equal("Diese Schaltfläche gehört zu einer älteren Karte; es wurde nichts geändert.", stale.Card.Title);
        var requests = Bot.StorageRequests.Snapshot();
        Assert.True(requestCount == Bot.StorageRequests.Total, string.Join(", ", requests.Select(r => $"{r.Key}={r.Value}")));
        Assert.Equal(requestCount, requests.Where(r => r.Key.StartsWith(method, StringComparison.Ordinal)).Sum(r => r.Value));
    }

    [Fact]
    public async Task WithoutTheLearnerCache_ALessonTurnCostsOneReadAndOneWrite()
    {
        await using var bot = await BotHost.StartAsync(azurite: true, configure: settings =>
        {
            WithoutSchedulers(settings);
            settings["Storage:LearnerCacheSize"] = "0";
        });
        var chat = bot.PersonalChat(TeamsUser.Create("Lea", "de-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Starten");

        bot.StorageRequests.Reset();
        await chat.ClickAsync("Weiter");
        var lesson = bot.StorageRequests.Snapshot();

        // What every turn costs on an instance that does not hold the learner: its read, then the write.
        Assert.True(2 == lesson.Values.Sum(), string.Join(", ", lesson.Select(r => $"{r.Key}={r.Value}")));
        Assert.Equal(1, lesson.Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value));
        Assert.Equal(1, lesson.Where(r => r.Key.StartsWith("PUT ", StringComparison.Ordinal)).Sum(r => r.Value));
    }
}
