using ConnectooBot.Learning.Scheduling;

namespace ConnectooBot.Learning.Tests.Scheduling;

/// <summary>When a weekly channel nudge is due: on time across daylight-saving changes, once, and no burst after downtime.</summary>
public sealed class NudgeDueTests
{
    private static readonly WeeklySchedule MondayTen = new(DayOfWeek.Monday, new TimeOnly(10, 0), "Europe/Brussels");
    private static readonly DateTimeOffset LongAgo = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan CatchUp = TimeSpan.FromHours(12);

    [Fact]
    public void Due_InWinter_IsAtNineUtc()
    {
        Assert.Null(MondayTen.Due(LongAgo, new DateTimeOffset(2026, 11, 23, 8, 59, 59, TimeSpan.Zero), TimeSpan.FromMinutes(1)));
        Assert.Equal("2026-11-23", MondayTen.Due(LongAgo, new DateTimeOffset(2026, 11, 23, 9, 0, 30, TimeSpan.Zero), CatchUp)!.Key);
    }

    [Fact]
    public void Due_TheMondayAfterTheSpringChange_IsAtEightUtc()
    {
        // 29 March 2026: clocks go forward; 10:00 CEST on Monday 30 March is 08:00 UTC.
        var due = MondayTen.Due(LongAgo, new DateTimeOffset(2026, 3, 30, 8, 0, 10, TimeSpan.Zero), CatchUp);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), due!.At);
        Assert.Null(MondayTen.Due(LongAgo, new DateTimeOffset(2026, 3, 30, 7, 59, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Due_TheMondayAfterTheAutumnChange_IsAtNineUtc()
    {
        // 25 October 2026: clocks go back; 10:00 CET on Monday 26 October is 09:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), MondayTen.Due(LongAgo, new DateTimeOffset(2026, 10, 26, 9, 0, 1, TimeSpan.Zero), CatchUp)!.At);
    }

    [Fact]
    public void Due_AfterAShortOutage_SendsTheMissedOccurrenceOnce_ButNotAfterALongOne()
    {
        var backAfterLunch = MondayTen.Due(LongAgo, new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), CatchUp);
        var backThreeWeeksLater = MondayTen.Due(LongAgo, new DateTimeOffset(2026, 12, 16, 13, 0, 0, TimeSpan.Zero), CatchUp);

        Assert.Equal("2026-11-23", backAfterLunch!.Key);
        Assert.Null(backThreeWeeksLater); // only the last Monday could be sent, and it is older than the window
    }

    [Fact]
    public void Due_ThreeWeeksDown_ThenBackOnAMonday_SendsOnlyThatMonday()
    {
        var due = MondayTen.Due(LongAgo, new DateTimeOffset(2026, 12, 14, 9, 30, 0, TimeSpan.Zero), CatchUp);

        Assert.Equal("2026-12-14", due!.Key);
    }

    [Fact]
    public void Due_BeforeTheScheduleWasSet_IsNeverSent()
    {
        var setAt = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero); // set half an hour after this Monday's time

        Assert.Null(MondayTen.Due(setAt, new DateTimeOffset(2026, 11, 23, 9, 31, 0, TimeSpan.Zero), CatchUp));
        Assert.Equal("2026-11-30", MondayTen.Due(setAt, new DateTimeOffset(2026, 11, 30, 9, 0, 5, TimeSpan.Zero), CatchUp)!.Key);
    }
}
