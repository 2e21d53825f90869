using ConnectooBot.Testing.Load;

namespace ConnectooBot.Benchmarks;

/// <summary>CPU milliseconds per turn (or per pair) of each process during one run; null where not measured.</summary>
internal sealed record CpuPerTurn(double? Bot, double? Azurite, double Driver);

/// <summary>The learner rows in the table when a level started: how many, the median and the largest size (<c>StoredRowSize</c>).</summary>
internal sealed record RowSizes(int Rows, int Median, int Largest);

/// <summary>The lowest and highest bot ÷ raw of the rounds of one level (each round a slice of each side, back to back).</summary>
internal sealed record RatioSpread(double Lowest, double Highest);

/// <summary>One concurrency level: the bot on Azurite, the raw storage pairs, the bot in memory and the peer.</summary>
internal sealed record LevelFigures(
    int Concurrency,
    LoadResult BotOnAzurite,
    LoadResult RawStorage,
    LoadResult RawWithClaim,
    LoadResult BotInMemory,
    LoadResult Peer,
    CpuPerTurn BotOnAzuriteCpu,
    CpuPerTurn RawStorageCpu,
    CpuPerTurn RawWithClaimCpu,
    RowSizes LearnerRows,
    RatioSpread StorageRounds)
{
    public double StorageRatio => RawStorage.TurnsPerSecond > 0 ? BotOnAzurite.TurnsPerSecond / RawStorage.TurnsPerSecond : 0;

    /// <summary>The bot ÷ raw pairs that write what a course turn writes (the row and its activity claim, one transaction).</summary>
    public double ClaimStorageRatio => RawWithClaim.TurnsPerSecond > 0 ? BotOnAzurite.TurnsPerSecond / RawWithClaim.TurnsPerSecond : 0;

    public double PeerThroughputRatio => Peer.TurnsPerSecond > 0 ? BotInMemory.TurnsPerSecond / Peer.TurnsPerSecond : 0;

    /// <summary>ConnectooBot's p99 ÷ the peer's: below 1 means ConnectooBot's slowest turns are faster.</summary>
    public double PeerP99Ratio => Peer.P99Ms > 0 ? BotInMemory.P99Ms / Peer.P99Ms : 0;
}

/// <summary>
/// One memory reading of the host: resident memory after the steady work, the managed heap still live after a full
/// collection, and resident memory a few seconds after that collection.
/// </summary>
internal sealed record MemoryReading(long ResidentBytes, long LiveHeapBytes, long ResidentAfterCollectionBytes);

/// <summary>Memory of one host with an empty store, then after a tenth of N and after N more learners have state in storage.</summary>
internal sealed record MemoryFigures(MemoryReading EmptyStore, MemoryReading AfterFirstTenth, MemoryReading AfterLearners, int LearnersAdded, long LearnerRows, double SeedSeconds, LoadResult Seeding)
{
    public double ResidentRatio => Ratio(m => m.ResidentBytes);

    public double LiveHeapRatio => Ratio(m => m.LiveHeapBytes);

    public double ResidentAfterCollectionRatio => Ratio(m => m.ResidentAfterCollectionBytes);

    /// <summary>Bytes per learner between the first tenth and all of them (what each learner would cost if kept in memory).</summary>
    public double PerLearner(Func<MemoryReading, long> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return (measure(AfterLearners) - measure(AfterFirstTenth)) / (LearnersAdded * 0.9);
    }

    private double Ratio(Func<MemoryReading, long> measure) => measure(EmptyStore) > 0 ? (double)measure(AfterLearners) / measure(EmptyStore) : 0;
}

/// <summary>Process start to ready (/readyz 200, storage reachable) and to the first answered turn, per start.</summary>
internal sealed record ColdStartFigures(IReadOnlyList<double> ReadyMs, IReadOnlyList<double> FirstTurnMs);

internal sealed record TurnBenchmarkReport(TurnBenchmarkSettings Settings, IReadOnlyList<LevelFigures> Levels, MemoryFigures Memory, ColdStartFigures ColdStart, IReadOnlyList<string> Problems);
