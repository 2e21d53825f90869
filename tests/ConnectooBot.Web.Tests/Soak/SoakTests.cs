using System.Globalization;
using System.Text;
using ConnectooBot.Storage.Content;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Load;
using ConnectooBot.Testing.Storage;
using ConnectooBot.Web.Tests.Delivery;
using Xunit.Abstractions;

namespace ConnectooBot.Web.Tests.Soak;

/// <summary>
/// A bounded soak: the real host process on Azurite, 16 learners going through the course at a steady 40 turns/s for
/// CONNECTOOBOT_SOAK_SECONDS (120 in CI; scripts/bench.sh runs 600), measured in 20-second windows. Every turn must be
/// answered as expected, the host must log no error, and memory and latency must stay level: the last window within
/// bounds of the first. With CONNECTOOBOT_SOAK_REPORT set, the per-window figures are written there as Markdown.
/// Runs alone (after the parallel tests), so the figures are the host's, not its neighbours'.
/// </summary>
[Collection(AzuriteLoadCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const double TurnsPerSecond = 40;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SteadyLoad_ForMinutes_KeepsMemoryAndLatencyLevel_WithoutAnError()
    {
        var duration = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("CONNECTOOBOT_SOAK_SECONDS") ?? "120", CultureInfo.InvariantCulture));
        var azurite = await Azurite.GetAsync();
        await using var connector = await RecordingConnector.StartAsync();
        var webDll = BotProcess.BuiltWebDll();
        await using var bot = await BotProcess.StartAsync(webDll, new Dictionary<string, string>
        {
            ["Storage__Backend"] = "AzureTables",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Storage__TablePrefix"] = Azurite.NewTablePrefix(),
            ["Bot__Connector__AllowLoopbackServiceUrls"] = "true",
        });
        using var client = bot.CreateClient();
        var course = ContentLoader.LoadCourse(Path.Combine(Path.GetDirectoryName(webDll)!, "dialogs-content"));
        var activities = new ActivityFactory(connector.ServiceUrl);
        var learners = Enumerable.Range(1, 16).Select(i => (ITurnSource)new SimulatedLearner(activities, i, course, connector: connector)).ToList();

        var windows = new List<(LoadResult Load, long ResidentBytes)>();
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += Window)
        {
            var load = await LoadRunner.RunAsync(client, learners, TimeSpan.Zero, Window, TurnsPerSecond);
            windows.Add((load, bot.ResidentBytes()));
        }

        var report = Report(windows, duration);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("CONNECTOOBOT_SOAK_REPORT") is { Length: > 0 } reportFile)
        {
            await File.WriteAllTextAsync(reportFile, report);
        }

        Assert.True(windows.Count >= 3, "the soak needs at least three windows (60 s)");
        foreach (var (load, _) in windows)
        {
            Assert.Equal(0, load.Unexpected);
            Assert.Equal(0, load.ServerErrors);
            Assert.InRange(load.TurnsPerSecond, TurnsPerSecond * 0.8, TurnsPerSecond * 1.2); // the rate was held
        }

        // Level: the first window warms the host up (JIT, pools), so the second is the baseline for memory.
        var baseline = windows[1].ResidentBytes;
        var last = windows[^1];
        Assert.True(last.ResidentBytes <= Math.Max(baseline * 1.3, baseline + (64L << 20)), $"resident memory grew from {Mb(baseline)} to {Mb(last.ResidentBytes)}");
        var firstP95 = windows[0].Load.P95Ms;
        Assert.True(last.Load.P95Ms <= (3 * firstP95) + 25, $"p95 latency went from {firstP95:0.0} ms to {last.Load.P95Ms:0.0} ms");

        await Task.Delay(300); // the host's console logger writes asynchronously
        Assert.DoesNotContain(bot.Output, l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
        Assert.False(bot.HasExited);
    }

    private static string Report(List<(LoadResult Load, long ResidentBytes)> windows, TimeSpan duration)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Soak: {duration.TotalMinutes:0.#} min at a steady {TurnsPerSecond:0} turns/s (16 learners, Azurite), in {Window.TotalSeconds:0}-second windows.");
        md.AppendLine();
        md.AppendLine("| window | turns | turns/s | p50 ms | p95 ms | p99 ms | max ms | unexpected / 5xx | resident memory |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < windows.Count; i++)
        {
            var (l, rss) = windows[i];
            md.AppendLine(CultureInfo.InvariantCulture, $"| {i + 1} | {l.Turns} | {l.TurnsPerSecond:0.0} | {l.P50Ms:0.0} | {l.P95Ms:0.0} | {l.P99Ms:0.0} | {l.MaxMs:0} | {l.Unexpected} / {l.ServerErrors} | {Mb(rss)} |");
        }

        return md.ToString();
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");
}
