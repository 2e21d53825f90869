using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ConnectooBot.Web.Reminders;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Reminders;

/// <summary>Personal reminders and spaced review, as the learner's chat sees them, with the clock under test control.</summary>
public sealed class ReminderConversationTests : IAsyncLifetime
{
    // Monday 23 November 2026, 10:00 in Brussels.
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(MondayMorning);
    private BotHost _bot = null!;

    private UiContent Ui => _bot.Services.GetRequiredService<UiContent>();

    private ReminderScheduler Scheduler => _bot.Services.GetRequiredService<ReminderScheduler>();

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(configure: s => s["Reminders:SchedulerEnabled"] = "false", time: _time);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AwayEightDays_GetsOneReminderOnATuesdayMorning_NotAtTheWeekend_AndNeverTwice()
    {
        var chat = _bot.PersonalChat(TeamsUser.Create("Jef", "nl-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Beginnen");
        await chat.ClickAsync("Volgende");
        var before = _bot.Connector.Activities.Count;

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero)); // Saturday: 5 days, and a weekend
        var saturday = await Scheduler.ScanAsync(CancellationToken.None);
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)); // Tuesday, 8 days later, 10:00 Brussels
        var tuesday = await Scheduler.ScanAsync(CancellationToken.None);
        await _time.PumpUntilAsync(() => _bot.Connector.Activities.Count > before, TimeSpan.FromMilliseconds(500));
        var again = await Scheduler.ScanAsync(CancellationToken.None);
        await _time.PumpUntilAsync(() => false, TimeSpan.FromSeconds(1), rounds: 30); // a duplicate would arrive now

        Assert.Equal(0, saturday.Sent);
        Assert.Equal(1, tuesday.Sent);
        Assert.Equal(0, again.Sent);
        var reminder = new CardView((JsonObject)Assert.Single(_bot.Connector.Activities.Skip(before)).Activity.Attachments![0].Content!);
        Assert.Equal(Ui.Text("nl", "reminder.title"), reminder.Title);
        Assert.Contains("2", reminder.Texts[1], StringComparison.Ordinal); // "… step 2 of …"
        Assert.Equal(["course.continue", "reminders.snooze", "reminders.off"], reminder.Buttons.Where(b => b["type"]!.GetValue<string>() == "Action.Execute").Select(b => b["verb"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Snooze_AndOff_HoldReminders_AndOnBringsThemBack()
    {
        var chat = _bot.PersonalChat(TeamsUser.Create("Lea", "de-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Starten");

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)); // away eight days: a reminder is due
        var snoozed = await chat.SendAsync("später");
        var whileSnoozed = await Scheduler.ScanAsync(CancellationToken.None);
        await chat.SendAsync("erinnerungen aus");
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero)); // the snooze is over, but reminders are off
        var whileOff = await Scheduler.ScanAsync(CancellationToken.None);
        var status = await chat.SendAsync("erinnerungen");
        await chat.ClickAsync(Ui.Text("de", "reminders.on"));
        var afterOn = await Scheduler.ScanAsync(CancellationToken.None);

        Assert.StartsWith("Erledigt. Keine Erinnerungen bis zum 8. Dezember 2026", snoozed.Card.Title, StringComparison.Ordinal);
        Assert.Equal(0, whileSnoozed.Sent);
        Assert.Contains("snoozed", whileSnoozed.Held);
        var runs = await _bot.Services.GetRequiredService<Learning.Ports.IDeliveryLedger>().ListRunsAsync(DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Contains(runs, r => r.SkippedByReason.GetValueOrDefault("snoozed") == 1); // held back, and recorded as skipped
        Assert.Equal(0, whileOff.Sent);
        Assert.Contains("opted-out", whileOff.Held);
        Assert.Equal(Ui.Text("de", "reminders.status.off"), status.Card.Title);
        Assert.Equal(1, afterOn.Sent);
    }

    [Fact]
    public async Task PassedModule_GetsAReviewQuestionTheNextDay_AndTheAnswerIsRecordedOnce()
    {
        var user = TeamsUser.Create("Marie", "fr-BE");
        var chat = _bot.PersonalChat(user);
        await chat.InstallAsync();
        var course = _bot.Services.GetRequiredService<Learning.Catalog.Course>();
        await PassFirstModuleAsync(chat, course);
        var before = _bot.Connector.Activities.Count;

        _time.SetUtcNow(MondayMorning.AddDays(1).AddHours(1)); // Tuesday 11:00 Brussels
        var scan = await Scheduler.ScanAsync(CancellationToken.None);
        await _time.PumpUntilAsync(() => _bot.Connector.Activities.Count > before, TimeSpan.FromMilliseconds(500));
        var review = new CardView((JsonObject)_bot.Connector.Activities.Skip(before).Single().Activity.Attachments![0].Content!);
        var submit = review.Buttons.Single(b => b["verb"]?.GetValue<string>() == "nudge.answer");
        var question = course.Modules[0].FindQuestion(submit["data"]!["q"]!.GetValue<string>())!;
        var answered = await chat.ClickAsync(review, submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = question.Correct });
        await chat.ClickAsync(review, submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = question.Correct });

        Assert.Equal(1, scan.Sent);
        Assert.Equal(Ui.Format("fr", "review.title", ("module", course.Modules[0].Texts["fr"].Title)), review.Title);
        Assert.Equal(Ui.Text("fr", "feedback.correct"), answered.Card.Texts[1]);
        var learner = (await _bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new LearnerKey(_bot.Activities.TenantId, user.AadObjectId), CancellationToken.None))!.Value;
        Assert.Single(learner.ReviewAnswers);
        Assert.Equal(1, learner.Reminders.SpacedReviewsSent[course.Modules[0].Id]);
    }

    private async Task PassFirstModuleAsync(PersonalChat chat, Learning.Catalog.Course course)
    {
        var module = course.Modules[0];
        await chat.PostAsync(_bot.Activities.Execute(chat.User, chat.ConversationId, chat.Card!.MessageId ?? "1", "quiz.start", new JsonObject { ["m"] = module.Id }));
        for (var i = 0; i < course.QuestionsPerAttempt; i++)
        {
            var submit = chat.Card!.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
            var question = module.FindQuestion(submit["data"]!["q"]!.GetValue<string>())!;
            await chat.ClickAsync(submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = question.Correct });
            await chat.ClickAsync(Ui.Text("fr", i < course.QuestionsPerAttempt - 1 ? "feedback.next" : "feedback.result"));
        }
    }
}
