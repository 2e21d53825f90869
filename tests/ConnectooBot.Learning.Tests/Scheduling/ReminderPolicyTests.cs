using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Learning.Scheduling;

namespace ConnectooBot.Learning.Tests.Scheduling;

/// <summary>Personal reminders and spaced review: who, when (working hours, holidays, time zones), and never twice.</summary>
public sealed class ReminderPolicyTests
{
    private static readonly Course Course = CourseBuilder.Build(modules: 2);
    private static readonly ReminderPolicy Policy = ReminderPolicy.Default;

    // Tuesday 24 November 2026, 10:00 in Brussels (09:00 UTC).
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static Learner Started(DateTimeOffset lastActive, string? timeZone = "Europe/Brussels") => new()
    {
        Key = new LearnerKey("t", "u"),
        Language = "nl",
        TimeZone = timeZone,
        FirstSeen = lastActive,
        LastActive = lastActive,
        Progress = CourseProgress.Empty with { Current = new Position(Course.Modules[0].Id, PositionKind.Lesson, 2) },
    };

    private static Learner Passed(DateTimeOffset passedAt)
    {
        var attempt = new QuizAttempt { Number = 1, QuestionIds = ["q"], StartedAt = passedAt, FinishedAt = passedAt, ContentVersion = "v", Passed = true };
        var module = CourseProgress.Empty.Module(Course.Modules[0].Id) with { Attempts = [attempt] };
        return Started(passedAt) with { Progress = CourseProgress.Empty.With(module) };
    }

    [Fact]
    public void Decide_StartedAndAwayEightDays_OnATuesdayMorning_IsAReminder()
    {
        Assert.IsType<PersonalNudge.Reminder>(Policy.Decide(Course, Started(TuesdayMorning.AddDays(-8)), TuesdayMorning));
    }

    [Fact]
    public void Decide_AwayOnlyThreeDays_OrNeverStarted_IsNothing()
    {
        Assert.Null(Policy.Decide(Course, Started(TuesdayMorning.AddDays(-3)), TuesdayMorning));
        Assert.Null(Policy.Decide(Course, Started(TuesdayMorning.AddDays(-30)) with { Progress = CourseProgress.Empty }, TuesdayMorning));
    }

    [Theory]
    [InlineData("2026-11-28T09:00:00Z", "a Saturday")]
    [InlineData("2027-03-29T08:00:00Z", "Easter Monday 2027")]
    [InlineData("2026-11-11T09:00:00Z", "Armistice Day")]
    [InlineData("2026-11-24T17:30:00Z", "18:30 in Brussels")]
    [InlineData("2026-11-24T07:30:00Z", "08:30 in Brussels")]
    public void Decide_OutsideWorkingHours_HoldsTheReminder(string at, string when)
    {
        var now = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        var held = Assert.IsType<PersonalNudge.Held>(Policy.Decide(Course, Started(now.AddDays(-10)), now));

        Assert.True(held.Reason == "quiet-hours", when);
    }

    [Fact]
    public void Decide_UsesTheLearnersTimeZone_AndDaylightSavingTime()
    {
        var newYorkNine = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero); // 09:00 in New York, 15:00 in Brussels
        var afterSpringChange = new DateTimeOffset(2026, 3, 31, 7, 30, 0, TimeSpan.Zero); // 09:30 CEST
        var winterSameUtc = new DateTimeOffset(2026, 3, 24, 7, 30, 0, TimeSpan.Zero); // 08:30 CET

        Assert.IsType<PersonalNudge.Reminder>(Policy.Decide(Course, Started(newYorkNine.AddDays(-8), "America/New_York"), newYorkNine));
        Assert.IsType<PersonalNudge.Reminder>(Policy.Decide(Course, Started(afterSpringChange.AddDays(-8)), afterSpringChange));
        Assert.IsType<PersonalNudge.Held>(Policy.Decide(Course, Started(winterSameUtc.AddDays(-8)), winterSameUtc));
    }

    [Fact]
    public void Decide_AtMostOneReminderAWeek()
    {
        var learner = ReminderPolicy.Sent(Started(TuesdayMorning.AddDays(-8)), new PersonalNudge.Reminder(), TuesdayMorning);

        Assert.Null(Policy.Decide(Course, learner, TuesdayMorning.AddDays(3)));
        Assert.IsType<PersonalNudge.Reminder>(Policy.Decide(Course, learner, TuesdayMorning.AddDays(7)));
    }

    [Fact]
    public void Decide_SnoozedOrTurnedOff_HoldsIt_UntilTheSnoozeEnds()
    {
        var learner = Started(TuesdayMorning.AddDays(-8));
        var snoozed = learner with { Reminders = new ReminderState { SnoozedUntil = TuesdayMorning.AddDays(7) } };
        var off = learner with { Reminders = new ReminderState { Off = true } };

        Assert.Equal("snoozed", Assert.IsType<PersonalNudge.Held>(Policy.Decide(Course, snoozed, TuesdayMorning)).Reason);
        Assert.Equal("opted-out", Assert.IsType<PersonalNudge.Held>(Policy.Decide(Course, off, TuesdayMorning)).Reason);
        Assert.IsType<PersonalNudge.Reminder>(Policy.Decide(Course, snoozed, TuesdayMorning.AddDays(7)));
    }

    [Fact]
    public void Decide_SpacedReview_FollowsOneThreeSevenTwentyOneDays_AndSendsOneReviewAfterAMonthAway()
    {
        var passedAt = TuesdayMorning.AddDays(-1);
        var learner = Passed(passedAt);

        var first = Assert.IsType<PersonalNudge.Review>(Policy.Decide(Course, learner, TuesdayMorning));
        learner = ReminderPolicy.Sent(learner, first, TuesdayMorning);
        var tooEarly = Policy.Decide(Course, learner, TuesdayMorning.AddDays(1));
        var second = Assert.IsType<PersonalNudge.Review>(Policy.Decide(Course, learner, passedAt.AddDays(3)));
        var afterAMonthAway = Assert.IsType<PersonalNudge.Review>(Policy.Decide(Course, learner, new DateTimeOffset(2026, 12, 23, 9, 0, 0, TimeSpan.Zero)));

        Assert.Equal(0, first.Index);
        Assert.Null(tooEarly);
        Assert.Equal(1, second.Index);
        Assert.Equal(1, afterAMonthAway.Index); // the next box, once: no backlog of missed reviews

        // After it, the next review waits for that box's gap (7 − 3 = 4 days), not a moment sooner.
        var monthAway = new DateTimeOffset(2026, 12, 23, 9, 0, 0, TimeSpan.Zero);
        learner = ReminderPolicy.Sent(learner, afterAMonthAway, monthAway);
        Assert.IsNotType<PersonalNudge.Review>(Policy.Decide(Course, learner, monthAway.AddDays(3)));
        Assert.Equal(2, Assert.IsType<PersonalNudge.Review>(Policy.Decide(Course, learner, monthAway.AddDays(5))).Index); // Monday 28 December (the 27th is a Sunday)
    }

    [Fact]
    public void KeyOf_IsOnePerWeekForReminders_AndOnePerStepForReviews()
    {
        Assert.Equal("reminder/2026-W48", PersonalNudge.KeyOf(new PersonalNudge.Reminder(), TuesdayMorning));
        Assert.Equal("review/m1/2/20261203", PersonalNudge.KeyOf(new PersonalNudge.Review("m1", 2) { DueDay = new DateOnly(2026, 12, 3) }, TuesdayMorning));
    }
}
