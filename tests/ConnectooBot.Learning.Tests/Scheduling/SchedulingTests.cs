using ConnectooBot.Learning.Scheduling;

namespace ConnectooBot.Learning.Tests.Scheduling;

public sealed class SchedulingTests
{
    private static readonly TimeZoneInfo Brussels = LocalTime.Zone("Europe/Brussels");

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_MatchesTheCalendar(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), BelgianHolidays.EasterSunday(year));
    }

    [Fact]
    public void Holidays2026_IncludeTheEasterBasedOnes()
    {
        var days = BelgianHolidays.For(2026, includeFederalServiceDays: false);

        Assert.Equal(10, days.Count);
        Assert.Contains(new DateOnly(2026, 4, 6), days);   // Easter Monday
        Assert.Contains(new DateOnly(2026, 5, 14), days);  // Ascension
        Assert.Contains(new DateOnly(2026, 5, 25), days);  // Whit Monday
        Assert.Contains(new DateOnly(2026, 7, 21), days);  // National Day
        Assert.DoesNotContain(new DateOnly(2026, 11, 15), days);
        Assert.Contains(new DateOnly(2026, 11, 15), BelgianHolidays.For(2026, includeFederalServiceDays: true));
    }

    [Theory]
    [InlineData(2026, 4, 6, 8, false)]    // Easter Monday 10:00 CEST
    [InlineData(2026, 4, 7, 8, true)]     // Tuesday 10:00 CEST
    [InlineData(2026, 4, 7, 6, false)]    // Tuesday 08:00 CEST: too early
    [InlineData(2026, 4, 11, 8, false)]   // Saturday
    [InlineData(2026, 12, 21, 8, true)]   // Monday 09:00 CET
    [InlineData(2026, 12, 21, 16, false)] // Monday 17:00 CET: closed
    public void WorkingHours_KnowsWeekendsHolidaysAndTheLocalClock(int y, int m, int d, int utcHour, bool open)
    {
        Assert.Equal(open, WorkingHours.Default.Contains(Utc(y, m, d, utcHour), Brussels));
    }

    [Fact]
    public void NextOpening_AfterFridayEvening_IsMondayMorning()
    {
        var next = WorkingHours.Default.NextOpening(Utc(2026, 11, 20, 17), Brussels); // Friday 18:00 CET

        Assert.Equal(Utc(2026, 11, 23, 8), next); // Monday 09:00 CET
    }

    [Fact]
    public void NextOpening_OnEasterMonday_IsTuesday()
    {
        var next = WorkingHours.Default.NextOpening(Utc(2026, 4, 6, 7), Brussels);

        Assert.Equal(Utc(2026, 4, 7, 7), next); // Tuesday 09:00 CEST
    }

    [Fact]
    public void NextOpening_InAnotherZone_UsesThatZone()
    {
        var tokyo = LocalTime.Zone("Asia/Tokyo");

        var next = WorkingHours.Default.NextOpening(Utc(2026, 11, 23, 10), tokyo); // Monday 19:00 in Tokyo

        Assert.Equal(Utc(2026, 11, 24, 0), next); // Tuesday 09:00 in Tokyo
    }

    [Fact]
    public void Weekly_AcrossTheSpringChange_KeepsTheLocalTime()
    {
        var schedule = new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(10, 0), "Europe/Brussels");

        var before = schedule.Next(Utc(2026, 3, 20, 12));
        var after = schedule.Next(before.At);

        Assert.Equal(Utc(2026, 3, 23, 9), before.At); // 10:00 CET
        Assert.Equal(Utc(2026, 3, 30, 8), after.At);  // 10:00 CEST
        Assert.Equal("2026-03-30", after.Key);
    }

    [Fact]
    public void Weekly_TimeSkippedBySpringForward_MovesForwardByTheGap()
    {
        var schedule = new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(2, 30), "Europe/Brussels");

        var occurrence = schedule.Next(Utc(2026, 3, 28, 12));

        Assert.Equal(Utc(2026, 3, 29, 1, 30), occurrence.At); // 03:30 CEST
    }

    [Fact]
    public void Weekly_TimeRepeatedByFallBack_FiresOnceAtTheFirst()
    {
        var schedule = new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(2, 30), "Europe/Brussels");

        var first = schedule.Next(Utc(2026, 10, 24, 12));
        var next = schedule.Next(first.At);

        Assert.Equal(Utc(2026, 10, 25, 0, 30), first.At); // 02:30 CEST, the first of the two
        Assert.Equal(new DateOnly(2026, 11, 1), next.LocalDate);
    }

    [Fact]
    public void Weekly_SameDayBeforeTheTime_IsToday()
    {
        var schedule = new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(10, 0), "Europe/Brussels");

        Assert.Equal(Utc(2026, 11, 23, 9), schedule.Next(Utc(2026, 11, 23, 8, 59)).At);
        Assert.Equal(Utc(2026, 11, 30, 9), schedule.Next(Utc(2026, 11, 23, 9)).At);
    }

    [Fact]
    public void SpacedReview_IsAtOneThreeSevenAndTwentyOneDays()
    {
        var passed = Utc(2026, 11, 23, 10);

        Assert.Equal([passed.AddDays(1), passed.AddDays(3), passed.AddDays(7), passed.AddDays(21)], SpacedReview.DueDates(passed));
    }

    [Fact]
    public void Zone_UnknownId_FallsBackToBrussels()
    {
        Assert.Equal(Brussels.Id, LocalTime.Zone("Mars/Olympus_Mons").Id);
    }
}
