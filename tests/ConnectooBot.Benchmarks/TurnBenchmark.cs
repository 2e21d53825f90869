using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage;
using ConnectooBot.Storage.Content;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Load;
using ConnectooBot.Testing.Storage;

namespace ConnectooBot.Benchmarks;

/// <summary>
/// The turn benchmark, all in one run so the figures are side by side: at each concurrency level, the real host (its
/// own process) on Azurite, Azurite's raw read+upsert pairs, the host with in-memory storage and the botbuilder peer
/// (in memory too) given byte for byte the same activities; then memory with an empty store versus after N more
/// learners, and cold starts. Replies that go through the connector land in a local recording connector.
/// </summary>
internal sealed class TurnBenchmark(TurnBenchmarkSettings settings, TextWriter progress)
{
    private readonly List<string> _problems = [];
    private readonly Course _course = ContentLoader.LoadCourse(Path.Combine(Path.GetDirectoryName(settings.BotDll)!, "dialogs-content"));
    private int _nextSeed = 1;

    /// <summary>Where the bots' own messages land (a click that opens a module answers with a new message): the learners read their next card there.</summary>
    private RecordingConnector? _connector;

    /// <summary>Only the memory part (the <c>memory</c> mode, to look into memory without the rest).</summary>
    public async Task<MemoryFigures> MemoryOnlyAsync()
    {
        await using var connector = await RecordingConnector.StartAsync();
        _connector = connector;
        return await MeasureMemoryAsync(new ActivityFactory(connector.ServiceUrl));
    }

    public async Task<TurnBenchmarkReport> RunAsync()
    {
        await using var connector = await RecordingConnector.StartAsync();
        _connector = connector;
        var activities = new ActivityFactory(connector.ServiceUrl);
        var storage = new StorageOptions { ConnectionString = settings.StorageConnection, TablePrefix = settings.TablePrefix + "turns" };

        await using var onAzurite = await StartBotAsync(AzureSettings(storage.TablePrefix));
        await using var inMemory = await StartBotAsync(MemorySettings());
        await using var peer = await ChildProcess.StartAsync("node", ["bot.mjs"], settings.PeerDirectory, new Dictionary<string, string>());
        using var azuriteClient = onAzurite.CreateClient();
        using var memoryClient = inMemory.CreateClient();
        using var peerClient = peer.CreateClient();

        progress.WriteLine("Warming up the three bots…");
        await WarmUpAsync(azuriteClient, activities);
        var warmUpRecordings = await WarmUpAsync(memoryClient, activities, record: true);
        await LoadRunner.RunAsync(peerClient, Replay(warmUpRecordings), settings.WarmUp, settings.BotWarmUp);
        var levels = new List<LevelFigures>();
        foreach (var concurrency in settings.Levels)
        {
            progress.WriteLine($"Concurrency {concurrency}: storage pairs (plain and with the claim), bot on Azurite, bot in memory, peer…");
            var s = await StorageLevelAsync(storage, onAzurite, azuriteClient, activities, concurrency);
            var recorded = Learners(activities, concurrency, record: true);
            var memory = await LoadRunner.RunAsync(memoryClient, recorded, settings.WarmUp, settings.Measure);
            var reference = await LoadRunner.RunAsync(peerClient, Replay(recorded), settings.WarmUp, settings.Measure);
            levels.Add(new LevelFigures(concurrency, s.Bot, s.Raw, s.RawClaim, memory, reference, s.BotCpu, s.RawCpu, s.RawClaimCpu, s.Rows, s.Rounds));
            Check($"bot in memory at {concurrency}", memory);
            Check($"peer at {concurrency}", reference);
        }

        CheckLogs("bot on Azurite", onAzurite);
        CheckLogs("bot in memory", inMemory);
        var memoryFigures = await MeasureMemoryAsync(activities);
        var coldStart = await MeasureColdStartsAsync(activities);
        return new TurnBenchmarkReport(settings, levels, memoryFigures, coldStart, _problems);
    }

    /// <summary>
    /// Only the storage comparison (the <c>ratio</c> mode, to try a change in minutes): the host on Azurite against the raw
    /// pairs, plain and with the claim, interleaved as in the full run, at the given levels, with the same warm-up; a line per level.
    /// </summary>
    public async Task<int> RatioOnlyAsync(IReadOnlyList<int> levels, TextWriter output)
    {
        await using var connector = await RecordingConnector.StartAsync();
        _connector = connector;
        var activities = new ActivityFactory(connector.ServiceUrl);
        var storage = new StorageOptions { ConnectionString = settings.StorageConnection, TablePrefix = settings.TablePrefix + "ratio" };
        await using var onAzurite = await StartBotAsync(AzureSettings(storage.TablePrefix));
        using var client = onAzurite.CreateClient();
        await WarmUpAsync(client, activities);
        foreach (var concurrency in levels)
        {
            var s = await StorageLevelAsync(storage, onAzurite, client, activities, concurrency);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{concurrency} learners (rows: median {s.Rows.Median} bytes, largest {s.Rows.Largest}): bot {s.Bot.TurnsPerSecond:0}/s (p50 {s.Bot.P50Ms:0.0} ms; CPU per turn bot {s.BotCpu.Bot:0.00} + Azurite {s.BotCpu.Azurite:0.00} + driver {s.BotCpu.Driver:0.00} ms), raw {s.Raw.TurnsPerSecond:0}/s (Azurite {s.RawCpu.Azurite:0.00} + driver {s.RawCpu.Driver:0.00}), raw + claim {s.RawClaim.TurnsPerSecond:0}/s (Azurite {s.RawClaimCpu.Azurite:0.00} + driver {s.RawClaimCpu.Driver:0.00}); bot ÷ raw {s.Bot.TurnsPerSecond / s.Raw.TurnsPerSecond:0.00} (rounds {s.Rounds.Lowest:0.00}-{s.Rounds.Highest:0.00}), bot ÷ raw + claim {s.Bot.TurnsPerSecond / s.RawClaim.TurnsPerSecond:0.00}"));
        }

        CheckLogs("bot on Azurite", onAzurite);
        foreach (var problem in _problems)
        {
            output.WriteLine($"problem: {problem}");
        }

        return _problems.Count == 0 ? 0 : 1;
    }

    private sealed record StorageLevel(RowSizes Rows, LoadResult Raw, CpuPerTurn RawCpu, LoadResult RawClaim, CpuPerTurn RawClaimCpu, LoadResult Bot, CpuPerTurn BotCpu, RatioSpread Rounds);

    /// <summary>How many slices each side of the storage comparison is measured in (see <see cref="StorageLevelAsync"/>).</summary>
    public const int StorageRounds = 5;

    /// <summary>
    /// One level of the storage comparison: raw pairs on the median learner row (plain, and with the claim as the former
    /// design wrote it) and the host on Azurite, interleaved: <see cref="StorageRounds"/> rounds, each a short slice of
    /// every side (warm-up a third of the level's, then a fifth of its measuring time), in an order that turns each round.
    /// This machine's speed drifts by ±20 % over minutes (shared CPUs); measured one after the other, a side could land in
    /// a slow minute and the other in a fast one. The same users carry on from slice to slice.
    /// </summary>
    private async Task<StorageLevel> StorageLevelAsync(StorageOptions storage, BotProcess bot, HttpClient client, ActivityFactory activities, int concurrency)
    {
        var shape = await LearnerShapeAsync(storage);
        var raw = new Side(null, await RawStorageLoad.UsersAsync(storage, shape.Row, concurrency));
        var rawClaim = new Side(null, await RawStorageLoad.UsersAsync(storage, shape.Row, concurrency, withClaim: true));
        var turns = new Side(bot.ProcessId, Learners(activities, concurrency));
        Side[] sides = [raw, turns, rawClaim];
        var warmUp = settings.WarmUp / 3;
        var measure = settings.Measure / StorageRounds;
        using var noBot = new HttpClient();
        for (var round = 0; round < StorageRounds; round++)
        {
            for (var i = 0; i < sides.Length; i++)
            {
                var side = sides[(round + i) % sides.Length];
                await side.SliceAsync(ReferenceEquals(side, turns) ? client : noBot, warmUp, measure);
            }
        }

        var botTurns = turns.Result;
        Check($"bot on Azurite at {concurrency}", botTurns);
        var perRound = turns.Slices.Zip(raw.Slices, (b, r) => r.TurnsPerSecond > 0 ? b.TurnsPerSecond / r.TurnsPerSecond : 0).ToList();
        return new StorageLevel(shape.Sizes, raw.Result, raw.Cpu, rawClaim.Result, rawClaim.Cpu, botTurns, turns.Cpu, new RatioSpread(perRound.Min(), perRound.Max()));
    }

    /// <summary>One side of the storage comparison: its users, the slices measured so far and the CPU they used (<see cref="CpuPerTurn"/>).</summary>
    private sealed class Side(int? botPid, IReadOnlyList<ITurnSource> users)
    {
        private readonly List<LoadResult> _slices = [];
        private double _bot;
        private double _azurite;
        private double _driver;

        public LoadResult Result => LoadResult.Combine(_slices);

        public IReadOnlyList<LoadResult> Slices => _slices;

        public CpuPerTurn Cpu
        {
            get
            {
                var turns = Math.Max(1, _slices.Sum(s => s.Turns));
                return new CpuPerTurn(botPid is null ? null : _bot / turns, AzuritePid is null ? null : _azurite / turns, _driver / turns);
            }
        }

        /// <summary>
        /// Runs one slice and adds the CPU each process used in it: of the bot (if any), Azurite (BENCH_AZURITE_PID) and this
        /// driver. Warm-up turns are not counted but use CPU too: scaled by the share of the slice that was measured.
        /// </summary>
        public async Task SliceAsync(HttpClient client, TimeSpan warmUp, TimeSpan measure)
        {
            var driver = Process.GetCurrentProcess();
            var (bot0, azurite0, driver0) = (Used(botPid), Used(AzuritePid), driver.TotalProcessorTime);
            var result = await LoadRunner.RunAsync(client, users, warmUp, measure);
            driver.Refresh();
            var share = result.Seconds / (result.Seconds + warmUp.TotalSeconds);
            _bot += botPid is null ? 0 : (Used(botPid)!.Value - bot0!.Value).TotalMilliseconds * share;
            _azurite += AzuritePid is null ? 0 : (Used(AzuritePid)!.Value - azurite0!.Value).TotalMilliseconds * share;
            _driver += (driver.TotalProcessorTime - driver0).TotalMilliseconds * share;
            _slices.Add(result);
        }

        private static int? AzuritePid =>
            int.TryParse(Environment.GetEnvironmentVariable("BENCH_AZURITE_PID"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;

        private static TimeSpan? Used(int? processId) => processId is { } id ? ProcessCpu.Used(id) : null;
    }

    private async Task<MemoryFigures> MeasureMemoryAsync(ActivityFactory activities)
    {
        var prefix = settings.TablePrefix + "mem";
        progress.WriteLine($"Memory: a host on an empty store, then {settings.StoredLearners} more learners…");
        await using var bot = await StartBotAsync(AzureSettings(prefix));
        using var client = bot.CreateClient();
        var empty = await ReadingAfterSteadyWorkAsync(bot, client, activities);

        // Each new learner: install, then Start (first lesson card) — state written for every one of them. A tenth
        // first, then the rest, with the same steady work before each reading.
        var tenth = settings.StoredLearners / 10;
        var firstTenth = await SeedAsync(client, Newcomers(activities, tenth), turnsEach: 2, concurrency: 64);
        var afterTenth = await ReadingAfterSteadyWorkAsync(bot, client, activities);
        var rest = await SeedAsync(client, Newcomers(activities, settings.StoredLearners - tenth), turnsEach: 2, concurrency: 64);
        var seedSeconds = firstTenth.Seconds + rest.Seconds;
        var seeding = LoadResult.From(64, [], firstTenth.Unexpected + rest.Unexpected, firstTenth.ServerErrors + rest.ServerErrors, seedSeconds) with
        {
            Turns = firstTenth.Turns + rest.Turns,
            P99Ms = Math.Max(firstTenth.P99Ms, rest.P99Ms),
        };
        Check("seeding learners", seeding);

        var after = await ReadingAfterSteadyWorkAsync(bot, client, activities);
        var rows = await CountRowsAsync(new StorageOptions { ConnectionString = settings.StorageConnection, TablePrefix = prefix });
        CheckLogs("memory host", bot);
        return new MemoryFigures(empty, afterTenth, after, settings.StoredLearners, rows, seedSeconds, seeding);
    }

    private List<SimulatedLearner> Newcomers(ActivityFactory activities, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new SimulatedLearner(activities, _nextSeed++, _course, connector: _connector))];

    private async Task<ColdStartFigures> MeasureColdStartsAsync(ActivityFactory activities)
    {
        var ready = new List<double>();
        var firstTurn = new List<double>();
        for (var i = 0; i < settings.ColdStarts; i++)
        {
            progress.WriteLine($"Cold start {i + 1} of {settings.ColdStarts}…");
            var clock = Stopwatch.StartNew();
            await using var bot = await StartBotAsync(AzureSettings(settings.TablePrefix + "cold" + i.ToString(CultureInfo.InvariantCulture)));
            using var client = bot.CreateClient();
            var outcome = await new SimulatedLearner(activities, _nextSeed++, _course, connector: _connector).NextTurnAsync(client, CancellationToken.None);
            firstTurn.Add(clock.Elapsed.TotalMilliseconds);
            ready.Add(bot.StartedIn.TotalMilliseconds);
            if (!outcome.Expected)
            {
                _problems.Add($"cold start {i + 1}: the first turn answered {outcome.Status}");
            }
        }

        return new ColdStartFigures(ready, firstTurn);
    }

    private async Task<IReadOnlyList<SimulatedLearner>> WarmUpAsync(HttpClient client, ActivityFactory activities, bool record = false)
    {
        var learners = Learners(activities, 16, record);
        await LoadRunner.RunAsync(client, learners, settings.WarmUp, settings.BotWarmUp);
        return learners;
    }

    /// <summary>
    /// The same work before each memory reading: 64 learners (the seeding's concurrency, so threads and heaps have grown
    /// alike) for the warm-up and measure time.
    /// </summary>
    private Task<LoadResult> SteadyWorkloadAsync(HttpClient client, ActivityFactory activities) =>
        LoadRunner.RunAsync(client, Learners(activities, 64), settings.WarmUp, settings.Measure);

    private static async Task<LoadResult> SeedAsync(HttpClient client, IReadOnlyList<SimulatedLearner> learners, int turnsEach, int concurrency)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var unexpected = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(learners, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (learner, ct) =>
        {
            for (var turn = 0; turn < turnsEach; turn++)
            {
                var started = clock.Elapsed;
                var outcome = await learner.NextTurnAsync(client, ct);
                latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                if (!outcome.Expected)
                {
                    Interlocked.Increment(ref unexpected);
                }

                if (outcome.Status is 0 or >= 500)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        return LoadResult.From(concurrency, [.. latencies], unexpected, errors, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Resident memory after the same steady work, once what the earlier turns left in time-bounded caches is gone: a
    /// quiet spell longer than the duplicate-answer window (the host keeps each invoke's answer for a minute, so memory
    /// follows the last minute's turns, not the number of learners), the steady work (whose turns sweep those caches),
    /// then 5 s idle for the GC and timers to settle.
    /// </summary>
    private async Task<MemoryReading> ReadingAfterSteadyWorkAsync(BotProcess bot, HttpClient client, ActivityFactory activities)
    {
        await Task.Delay(settings.QuietBeforeReading);
        await SteadyWorkloadAsync(client, activities);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var resident = bot.ResidentBytes();
        var live = await ManagedHeap.LiveBytesAfterFullCollectionAsync(bot.ProcessId, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(5));
        return new MemoryReading(resident, live, bot.ResidentBytes());
    }

    private static async Task<long> CountRowsAsync(StorageOptions storage)
    {
        var table = StorageServiceCollectionExtensions.CreateService(storage).GetTableClient(storage.TablePrefix + "Learners");
        long rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(LearnerRowsOnly, select: ["PartitionKey"]))
        {
            rows++;
        }

        return rows;
    }

    /// <summary>Learner rows, not the activity claims that share their table (RowKey "!a…", below every learner key).</summary>
    private const string LearnerRowsOnly = "RowKey ge '0'";

    /// <summary>The learner row of median size among those the bot has written so far: the shape of the raw pairs.</summary>
    private sealed record LearnerShape(TableEntity Row, RowSizes Sizes);

    private async Task<LearnerShape> LearnerShapeAsync(StorageOptions storage)
    {
        var table = StorageServiceCollectionExtensions.CreateService(storage).GetTableClient(storage.TablePrefix + "Learners");
        var rows = new List<(TableEntity Row, int Size)>();
        await foreach (var row in table.QueryAsync<TableEntity>(LearnerRowsOnly))
        {
            rows.Add((row, StoredRowSize.Of(row)));
        }

        if (rows.Count == 0)
        {
            throw new InvalidOperationException("The warm-up stored no learner.");
        }

        var ordered = rows.OrderBy(r => r.Size).ToList();
        progress.WriteLine($"Learner rows: {rows.Count}, median {ordered[rows.Count / 2].Size} bytes, largest {ordered[^1].Size} bytes (the raw pairs use the median one).");
        return new LearnerShape(ordered[rows.Count / 2].Row, new RowSizes(rows.Count, ordered[rows.Count / 2].Size, ordered[^1].Size));
    }

    private List<SimulatedLearner> Learners(ActivityFactory activities, int count, bool record = false) =>
        [.. Enumerable.Range(0, count).Select(_ => new SimulatedLearner(activities, _nextSeed++, _course, record, _connector))];

    private static List<ITurnSource> Replay(IReadOnlyList<SimulatedLearner> recorded) =>
        [.. recorded.Select(l => (ITurnSource)new ReplayedLearner(l.Recorded))];

    private Task<BotProcess> StartBotAsync(Dictionary<string, string> configuration) =>
        BotProcess.StartAsync(settings.BotDll, configuration);

    private Dictionary<string, string> AzureSettings(string prefix) => new(Common)
    {
        ["Storage__Backend"] = "AzureTables",
        ["Storage__ConnectionString"] = settings.StorageConnection,
        ["Storage__TablePrefix"] = prefix,
    };

    private static Dictionary<string, string> MemorySettings() => new(Common) { ["Storage__Backend"] = "InMemory" };

    /// <summary>Settings of every host; BENCH_BOT_ENV ("K=V;K2=V2") adds more, to try a setting side by side.</summary>
    private static Dictionary<string, string> Common
    {
        get
        {
            var common = new Dictionary<string, string> { ["Bot__Connector__AllowLoopbackServiceUrls"] = "true" };
            foreach (var pair in (Environment.GetEnvironmentVariable("BENCH_BOT_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var (key, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                common[key] = value;
            }

            return common;
        }
    }

    private void Check(string what, LoadResult result)
    {
        if (result.Turns == 0)
        {
            _problems.Add($"{what}: no turn completed");
        }

        if (result.Unexpected > 0 || result.ServerErrors > 0)
        {
            _problems.Add($"{what}: {result.Unexpected} unexpected answers, {result.ServerErrors} 5xx or network errors");
        }
    }

    private void CheckLogs(string what, BotProcess bot)
    {
        var bad = bot.Output.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase)).ToList();
        if (bad.Count > 0)
        {
            _problems.Add($"{what}: {bad.Count} error lines in its log, first: {bad[0]}");
            var output = bot.Output;
            var first = output.ToList().IndexOf(bad[0]);
            progress.WriteLine($"--- {what}: its log from the first error line ---");
            progress.WriteLine(string.Join('\n', output.Skip(first).Take(40)));
        }

        if (Environment.GetEnvironmentVariable("BENCH_LOGS") is { Length: > 0 } logs)
        {
            Directory.CreateDirectory(logs);
            File.WriteAllLines(Path.Combine(logs, what.Replace(' ', '-') + ".log"), bot.Output);
        }
    }
}
