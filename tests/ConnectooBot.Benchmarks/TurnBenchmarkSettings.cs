namespace ConnectooBot.Benchmarks;

/// <summary>
/// What the turn benchmark runs: the bot build, the peer, the storage, and how long and how big. <c>BotWarmUp</c>: the
/// load each bot runs once at start, before any level (16 learners), long enough for the JIT to finish its tier-1
/// recompilations (a fresh host spends about twice the CPU per turn for its first 15-20 s under load, measured with
/// perf), so that the first level measures a warm host as the later ones do.
/// </summary>
internal sealed record TurnBenchmarkSettings(
    string BotDll,
    string PeerDirectory,
    string StorageConnection,
    string TablePrefix,
    IReadOnlyList<int> Levels,
    TimeSpan BotWarmUp,
    TimeSpan WarmUp,
    TimeSpan Measure,
    int StoredLearners,
    int ColdStarts,
    TimeSpan QuietBeforeReading)
{
    public static TurnBenchmarkSettings Full(string botDll, string peerDirectory, string storage, string prefix) =>
        new(botDll, peerDirectory, storage, prefix, [1, 16, 64, 256], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15), 10_000, 3, TimeSpan.FromSeconds(70));

    /// <summary>A smoke run of the same code (seconds, not minutes): figures not worth recording.</summary>
    public static TurnBenchmarkSettings Quick(string botDll, string peerDirectory, string storage, string prefix) =>
        new(botDll, peerDirectory, storage, prefix, [1, 16], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), 500, 1, TimeSpan.FromSeconds(10));
}
