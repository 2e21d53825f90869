using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Storage.Content;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Insights;
using ConnectooBot.Testing.Storage;
using ConnectooBot.Web.Insights;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Benchmarks;

/// <summary>
/// <c>insights LEARNERS[,LEARNERS…]</c>: what the L&amp;D dashboard costs. For each count, the seeded programme
/// (<see cref="ProgrammeSeed"/>: 6 teams, rosters served by the recording connector) is written into Azurite through the
/// bot's own stores; then the rollup runs as the host runs it (<see cref="ProgrammeRollupService.RunAllAsync"/>: one
/// paged scan, the rosters, the save), twice, and a dashboard view (<c>IInsightsStore.FindAsync</c>) 20 times, each
/// with its storage requests counted by the bot's <see cref="StorageRequestCounter"/>. Azurite: BENCH_STORAGE, else
/// one started in memory from node_modules. Prints a Markdown table.
/// </summary>
internal static class InsightsMode
{
    private const int Views = 20;

    public static async Task<int> RunAsync(string counts)
    {
        var connection = Environment.GetEnvironmentVariable("BENCH_STORAGE") ?? (await Azurite.GetAsync()).ConnectionString;
        var course = ContentLoader.LoadCourse(Path.Combine(TestMachine.RepositoryRoot, "dialogs-content"));
        await using var connector = await RecordingConnector.StartAsync();
        var table = new StringBuilder();
        table.AppendLine("| learners | seeding (s) | rollup (s), 1st / 2nd | rollup CPU (s) | rollup storage requests | learner rows read | allocated (MB) | snapshot (characters, rows) | view p50 / max (ms) | storage requests per view |");
        table.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var learners in counts.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)))
        {
            table.AppendLine(await MeasureAsync(course, connection, connector, learners));
        }

        Console.Out.Write(table);
        return 0;
    }

    private static async Task<string> MeasureAsync(Course course, string connection, RecordingConnector connector, int learners)
    {
        var counter = new StorageRequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var service = new TableServiceClient(connection, options);
        var names = new TableNames(Azurite.NewTablePrefix());
        foreach (var name in names.All)
        {
            await service.GetTableClient(name).CreateIfNotExistsAsync();
        }

        var learnerStore = new TableLearnerStore(service.GetTableClient(names.Learners));
        var insights = new TableInsightsStore(service.GetTableClient(names.Insights));
        var now = DateTimeOffset.UtcNow;
        var seeding = Stopwatch.StartNew();
        var seed = ProgrammeSeed.Generate(course, now, learners);
        await seed.WriteAsync(learnerStore, new TableTeamStore(service.GetTableClient(names.Teams)), connector, parallelism: 32);
        seeding.Stop();
        Console.Error.WriteLine($"{learners}: seeded in {seeding.Elapsed.TotalSeconds:0.0} s");

        using var http = new HttpClient();
        var rollup = new ProgrammeRollupService(
            course,
            learnerStore,
            new TableTeamStore(service.GetTableClient(names.Teams)),
            insights,
            new ConnectorClient(http, TimeProvider.System, NullLogger<ConnectorClient>.Instance),
            Options.Create(new InsightsOptions()),
            TimeProvider.System,
            NullLogger<ProgrammeRollupService>.Instance);

        var runs = new List<(TimeSpan Took, int Requests, int Rows, TimeSpan Cpu, long Allocated)>();
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            counter.Reset();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var run = (await rollup.RunAllAsync(CancellationToken.None)).Single();
            clock.Stop();
            runs.Add((clock.Elapsed, counter.Total, run.Learners, Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated));
            Console.Error.WriteLine($"{learners}: rollup {clock.Elapsed.TotalSeconds:0.00} s, {counter.Total} requests ({string.Join(", ", counter.Snapshot().Select(r => $"{r.Key.Split(' ')[0]} {r.Key.Split(' ')[1].Replace(names.Learners, "Learners", StringComparison.Ordinal).Replace(names.Teams, "Teams", StringComparison.Ordinal).Replace(names.Insights, "Insights", StringComparison.Ordinal)}={r.Value}"))}), {run.Learners} rows");
        }

        var views = new List<double>();
        var requests = new List<int>();
        for (var i = 0; i < Views; i++)
        {
            counter.Reset();
            var clock = Stopwatch.StartNew();
            _ = await insights.FindAsync(seed.TenantId, CancellationToken.None) ?? throw new InvalidOperationException("No snapshot was saved.");
            views.Add(clock.Elapsed.TotalMilliseconds);
            requests.Add(counter.Total);
        }

        var stored = service.GetTableClient(names.Insights).Query<TableEntity>(e => e.PartitionKey == TableKeys.Id(seed.TenantId)).ToList();
        var characters = stored.Sum(e => e.Keys.Where(k => k.StartsWith("State", StringComparison.Ordinal)).Sum(k => ((string)e[k]).Length));
        views.Sort();
        var (first, second) = (runs[0], runs[1]);
        return string.Create(CultureInfo.InvariantCulture, $"| {learners:N0} | {seeding.Elapsed.TotalSeconds:0} | {first.Took.TotalSeconds:0.00} / {second.Took.TotalSeconds:0.00} | {second.Cpu.TotalSeconds:0.00} | {second.Requests} | {second.Rows:N0} | {second.Allocated / 1024.0 / 1024:0} | {characters:N0}, {stored.Count} | {views[Views / 2]:0.0} / {views[^1]:0.0} | {requests.Max()} |");
    }
}
