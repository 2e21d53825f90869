namespace ConnectooBot.Testing.Load;

/// <summary>What a load run measured in its measurement window (warm-up excluded).</summary>
public sealed record LoadResult(int Concurrency, int Turns, int Unexpected, int ServerErrors, double Seconds, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public double TurnsPerSecond => Seconds > 0 ? Turns / Seconds : 0;

    /// <summary>Every measured turn's latency, sorted (so that runs can be combined: <see cref="Combine"/>).</summary>
    public IReadOnlyList<double> SortedLatenciesMs { get; init; } = [];

    public static LoadResult From(int concurrency, IReadOnlyList<double> latenciesMs, int unexpected, int serverErrors, double seconds)
    {
        ArgumentNullException.ThrowIfNull(latenciesMs);
        var sorted = latenciesMs.Order().ToArray();
        return new LoadResult(concurrency, sorted.Length, unexpected, serverErrors, seconds,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length > 0 ? sorted[^1] : 0)
        {
            SortedLatenciesMs = sorted,
        };
    }

    /// <summary>
    /// Several measurement windows of the same load as one: turns and seconds added, percentiles over all their turns
    /// (e.g. the slices of an interleaved comparison).
    /// </summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("Nothing to combine.", nameof(parts));
        }

        return From(parts[0].Concurrency, [.. parts.SelectMany(p => p.SortedLatenciesMs)], parts.Sum(p => p.Unexpected), parts.Sum(p => p.ServerErrors), parts.Sum(p => p.Seconds));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
