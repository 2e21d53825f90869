namespace ConnectooBot.Learning.Scheduling;

/// <summary>
/// When a person may be nudged: working days (Monday–Friday, not a Belgian public holiday) between
/// <see cref="Start"/> and <see cref="End"/> in their own time zone.
/// </summary>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End, bool IncludeFederalServiceDays = true)
{
    public static WorkingHours Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(17, 0));

    public bool Contains(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= Start && time < End;
    }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BelgianHolidays.IsHoliday(date, IncludeFederalServiceDays);

    /// <summary>The first instant at or after <paramref name="instant"/> that is inside working hours.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Contains(instant, zone))
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= Start)
        {
            date = date.AddDays(1);
        }

        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return LocalTime.ToInstant(date, Start, zone);
    }
}
