namespace ConnectooBot.Learning.Scheduling;

/// <summary>
/// "Every Monday at 10:00 Europe/Brussels": a channel's nudge schedule. Each occurrence has a stable key (the local
/// date), so a sender can claim it exactly once.
/// </summary>
public sealed record WeeklySchedule(DayOfWeek Day, TimeOnly Time, string TimeZoneId)
{
    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public Occurrence Next(DateTimeOffset after)
    {
        var zone = LocalTime.Zone(TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i <= 7; i++)
        {
            var candidate = date.AddDays(i);
            if (candidate.DayOfWeek != Day)
            {
                continue;
            }

            var instant = LocalTime.ToInstant(candidate, Time, zone);
            if (instant > after)
            {
                return new Occurrence(candidate, instant);
            }
        }

        var nextWeek = date.AddDays(7 + ((7 + (int)Day - (int)date.DayOfWeek) % 7));
        return new Occurrence(nextWeek, LocalTime.ToInstant(nextWeek, Time, zone));
    }
}

/// <summary>One firing of a schedule: its local date (the idempotency key) and the instant it is due.</summary>
public sealed record Occurrence(DateOnly LocalDate, DateTimeOffset At)
{
    public string Key => LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
