namespace ConnectooBot.Learning.Insights;

/// <summary>Order statistics of durations, as the dashboard states them.</summary>
public static class Percentile
{
    /// <summary>The median: the middle value, or the mean of the two middle values when the count is even.</summary>
    public static TimeSpan Median(IReadOnlyList<TimeSpan> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="fraction"/> of the values at or below it (sorted[⌈p·n⌉ − 1]).</summary>
    public static TimeSpan NearestRank(IReadOnlyList<TimeSpan> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
