using System.Globalization;
using System.Text;
using ConnectooBot.Testing.Load;

namespace ConnectooBot.Benchmarks;

/// <summary>The turn benchmark's figures as the Markdown section of docs/benchmarks.md.</summary>
internal static class TurnBenchmarkMarkdown
{
    public static string Render(TurnBenchmarkReport report)
    {
        var s = report.Settings;
        var md = new StringBuilder();
        Line(md, $"Each bot first runs {s.BotWarmUp.TotalSeconds:0} s at 16 learners (the JIT's tier-1 recompilations finish there, not in the first level). Each level: {s.WarmUp.TotalSeconds:0} s warm-up, then {s.Measure.TotalSeconds:0} s measured; closed loop (each simulated learner sends its next activity when the answer arrived). Latency is request sent → whole answer read. The storage comparison is interleaved: {TurnBenchmark.StorageRounds} rounds, each a slice of the raw pairs, of the bot on Azurite and of the raw pairs with a claim ({(s.WarmUp / 3).TotalSeconds:0.#} s warm-up, {(s.Measure / TurnBenchmark.StorageRounds).TotalSeconds:0.#} s measured), in an order that turns each round, so that the machine's drift (its shared CPUs vary by ±20 % over minutes) falls on every side alike; the totals of the slices give the figures, and the last column shows the lowest and highest ratio of single rounds.");
        md.AppendLine();
        Line(md, "### Turns against storage: ConnectooBot on Azurite vs Azurite's raw read + upsert pairs");
        md.AppendLine();
        md.AppendLine("| learners | bot turns/s | p50 ms | p95 ms | p99 ms | raw pairs/s | pair p50 ms | pair p99 ms | bot ÷ raw (goal ≥ 0.8) | single rounds |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var level in report.Levels)
        {
            var (b, r) = (level.BotOnAzurite, level.RawStorage);
            Line(md, $"| {level.Concurrency} | {b.TurnsPerSecond:0} | {b.P50Ms:0.0} | {b.P95Ms:0.0} | {b.P99Ms:0.0} | {r.TurnsPerSecond:0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | **{level.StorageRatio:0.00}** {Verdict(level.StorageRatio >= 0.8)} | {level.StorageRounds.Lowest:0.00}–{level.StorageRounds.Highest:0.00} |");
        }

        md.AppendLine();
        Line(md, "For reference, the same raw pairs writing what a course turn wrote before its activity claim moved into the learner's row: the row replaced with its ETag and a claim row inserted, in one entity-group transaction. A course turn now writes one plain replace, the row holding the claim (issue 16: a re-delivered activity is answered once across instances); this shows what the transaction cost Azurite.");
        md.AppendLine();
        md.AppendLine("| learners | bot turns/s | raw + claim pairs/s | pair p50 ms | pair p99 ms | bot ÷ raw + claim |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var level in report.Levels)
        {
            var (b, r) = (level.BotOnAzurite, level.RawWithClaim);
            Line(md, $"| {level.Concurrency} | {b.TurnsPerSecond:0} | {r.TurnsPerSecond:0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | **{level.ClaimStorageRatio:0.00}** |");
        }

        md.AppendLine();
        Line(md, "Learner rows in the table when each level started (all learners so far, finished ones included; their median is the shape of the raw pairs), measured as `StoredRowSize`: names and values, strings by characters, the compressed record by its bytes.");
        md.AppendLine();
        md.AppendLine("| learners | rows | median row, bytes | largest row, bytes |");
        md.AppendLine("|---:|---:|---:|---:|");
        foreach (var level in report.Levels)
        {
            Line(md, $"| {level.Concurrency} | {level.LearnerRows.Rows} | {level.LearnerRows.Median} | {level.LearnerRows.Largest} |");
        }

        md.AppendLine();
        Line(md, "CPU time per turn (bot run) and per pair (raw runs), in ms, from /proc: where the time goes on these shared CPUs. The last two columns add up every process: a run can go no faster than 2 CPUs ÷ its total, so the ratio of the totals bounds bot ÷ raw whatever the storage does.");
        md.AppendLine();
        md.AppendLine("| learners | bot run: bot | bot run: Azurite | bot run: driver | raw run: Azurite | raw run: driver | raw + claim run: Azurite | raw + claim run: driver | all processes: bot run | all processes: raw run | all processes: raw + claim run |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var level in report.Levels)
        {
            var (b, r, k) = (level.BotOnAzuriteCpu, level.RawStorageCpu, level.RawWithClaimCpu);
            Line(md, $"| {level.Concurrency} | {Ms(b.Bot)} | {Ms(b.Azurite)} | {Ms(b.Driver)} | {Ms(r.Azurite)} | {Ms(r.Driver)} | {Ms(k.Azurite)} | {Ms(k.Driver)} | {Ms((b.Bot ?? 0) + (b.Azurite ?? 0) + b.Driver)} | {Ms((r.Azurite ?? 0) + r.Driver)} | {Ms((k.Azurite ?? 0) + k.Driver)} |");
        }

        md.AppendLine();
        Line(md, "### ConnectooBot vs the botbuilder reference peer (both in memory, the same activities byte for byte)");
        md.AppendLine();
        md.AppendLine("| learners | ConnectooBot turns/s | p50 ms | p99 ms | peer turns/s | peer p50 ms | peer p99 ms | turns/s ratio (goal > 1) | p99 ratio (goal < 1) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var level in report.Levels)
        {
            var (b, p) = (level.BotInMemory, level.Peer);
            Line(md, $"| {level.Concurrency} | {b.TurnsPerSecond:0} | {b.P50Ms:0.0} | {b.P99Ms:0.0} | {p.TurnsPerSecond:0} | {p.P50Ms:0.0} | {p.P99Ms:0.0} | **{level.PeerThroughputRatio:0.00}** {Verdict(level.PeerThroughputRatio > 1)} | **{level.PeerP99Ratio:0.00}** {Verdict(level.PeerP99Ratio < 1)} |");
        }

        md.AppendLine();
        Memory(md, report.Settings, report.Memory);
        var c = report.ColdStart;
        Line(md, "### Cold start (Release build, Azurite storage, a new table prefix each time)");
        md.AppendLine();
        md.AppendLine("| measure | median | all runs |");
        md.AppendLine("|---|---:|---|");
        Line(md, $"| process start → /readyz 200 (storage checked) | {Median(c.ReadyMs):0} ms | {string.Join(", ", c.ReadyMs.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))} |");
        Line(md, $"| process start → first turn answered | {Median(c.FirstTurnMs):0} ms | {string.Join(", ", c.FirstTurnMs.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))} |");
        md.AppendLine();
        Line(md, report.Problems.Count == 0
            ? "No errors: every turn answered 200 with the expected card, no 5xx, no error line in the hosts' logs."
            : "**Problems seen:** " + string.Join("; ", report.Problems));
        return md.ToString();
    }

    /// <summary>The memory section (also printed alone by the <c>memory</c> mode).</summary>
    public static void Memory(StringBuilder md, TurnBenchmarkSettings s, MemoryFigures m)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(m);
        Line(md, "### Memory: state lives in storage, not in the host");
        md.AppendLine();
        var window = s.QuietBeforeReading >= TimeSpan.FromMinutes(1)
            ? "past the 1-minute window in which the host keeps each invoke's answer for a re-delivery"
            : "shorter than the host's 1-minute window for keeping each invoke's answer, so a quick run's readings include those answers";
        Line(md, $"Each reading: {s.QuietBeforeReading.TotalSeconds:0} s quiet ({window}), then the same steady work (64 learners, {(s.WarmUp + s.Measure).TotalSeconds:0} s), then 5 s idle. Then: resident memory (VmRSS) of the host process; the managed heap still live after a full collection (induced through EventPipe, as dotnet-gcdump does: what the host really holds); resident memory 5 s after that collection.");
        md.AppendLine();
        var tenth = m.LearnersAdded / 10;
        Line(md, $"| measure | empty store | {tenth:N0} more learners | {m.LearnersAdded:N0} more learners | ratio {m.LearnersAdded:N0} ÷ empty | per learner (tenth → all) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        Row("resident memory after the work", r => r.ResidentBytes, m.ResidentRatio);
        Row("**live managed heap after a full collection**", r => r.LiveHeapBytes, m.LiveHeapRatio);
        Row("resident memory after that collection", r => r.ResidentAfterCollectionBytes, m.ResidentAfterCollectionRatio);
        md.AppendLine();
        Line(md, "How to read it: learners' state is in the table, not in the host. Between the first tenth and all, the live heap grows only by three memories with fixed bounds: the conversations whose reference was last written (`ConversationDirectory`, at most 20,000, an hour each; it spares a write per turn), the ids of the activities of the last 5 minutes (`ActivityDeduplicator`, so a re-delivery is not processed twice; their answers are let go after a minute) and the learners this instance last wrote (`CachedLearnerStore`, at most 1,000, 10 idle minutes each; it spares a read per turn). Resident memory also holds what the GC keeps for itself after the busiest moments (seeding runs at 64 at a time with no pause).");
        md.AppendLine();
        Line(md, $"Learner rows in the table at the end: {m.LearnerRows:N0}. Seeding: {m.Seeding.Turns:N0} turns (install + Start each) at 64 at a time in {m.SeedSeconds:0} s, {m.Seeding.Turns / m.SeedSeconds:0} turns/s, p99 {m.Seeding.P99Ms:0} ms.");
        md.AppendLine();

        void Row(string name, Func<MemoryReading, long> measure, double ratio) =>
            Line(md, $"| {name} | {Mb(measure(m.EmptyStore))} | {Mb(measure(m.AfterFirstTenth))} | {Mb(measure(m.AfterLearners))} | **{ratio:0.00}** | {m.PerLearner(measure):0} bytes |");
    }

    private static string Ms(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Verdict(bool met) => met ? "(met)" : "(not met)";

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");

    private static double Median(IReadOnlyList<double> values) => LoadResult.Percentile([.. values.Order()], 0.5);

    private static void Line(StringBuilder md, FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));

    private static void Line(StringBuilder md, string text) => md.AppendLine(text);
}
