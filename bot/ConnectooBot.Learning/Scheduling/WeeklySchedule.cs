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

public static class WeeklyScheduleExtensions
{
    /// <summary>
    /// The occurrence to send now: the latest one at or before <paramref name="now"/>, if it is after the schedule was
    /// set (<paramref name="since"/>) and not older than <paramref name="catchUp"/> (a bot that was down sends only the
    /// last missed occurrence, once, and never a burst of old ones).
    /// </summary>
    public static Occurrence? Due(this WeeklySchedule schedule, DateTimeOffset since, DateTimeOffset now, TimeSpan catchUp)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var latest = schedule.Next(now.AddDays(-8));
        while (schedule.Next(latest.At) is { } next && next.At <= now)
        {
            latest = next;
        }

        return latest.At <= now && latest.At > since && now - latest.At <= catchUp ? latest : null;
    }
}

/// <summary>One firing of a schedule: its local date (the idempotency key) and the instant it is due.</summary>
public sealed record Occurrence(DateOnly LocalDate, DateTimeOffset At)
{
    public string Key => LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
