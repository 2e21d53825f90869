namespace ConnectooBot.Learning.Scheduling;

/// <summary>Turns a wall-clock date and time in a zone into an instant, across daylight-saving changes.</summary>
public static class LocalTime
{
    /// <summary>
    /// A time skipped by a spring-forward (e.g. 02:30 in Brussels on the last Sunday of March) moves forward by the
    /// gap; a time that happens twice in the autumn is taken at its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var gap = zone.GetAdjustmentRules()
                .Where(r => r.DateStart <= local && r.DateEnd >= local)
                .Select(r => r.DaylightDelta)
                .DefaultIfEmpty(TimeSpan.FromHours(1))
                .First();
            local = local.Add(gap);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The zone for an IANA id from Teams, or the fallback (Europe/Brussels) when unknown.</summary>
    public static TimeZoneInfo Zone(string? ianaId, string fallback = "Europe/Brussels") =>
        ianaId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(fallback);
}
