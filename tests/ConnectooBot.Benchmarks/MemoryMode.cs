using System.Text;

namespace ConnectooBot.Benchmarks;

/// <summary>
/// <c>memory BOT_DLL LEARNERS QUIET_SECONDS</c>: only the memory part of the turn benchmark (a host on the Azurite in
/// BENCH_STORAGE, an empty store, then a tenth of LEARNERS, then all), printed as its Markdown section; for looking into
/// memory without the half-hour of the whole run.
/// </summary>
internal static class MemoryMode
{
    public static async Task<int> RunAsync(string botDll, int learners, int quietSeconds)
    {
        var storage = Environment.GetEnvironmentVariable("BENCH_STORAGE") ?? throw new InvalidOperationException("BENCH_STORAGE is not set.");
        botDll = Path.GetFullPath(botDll);
        var settings = TurnBenchmarkSettings.Full(botDll, "", storage, BenchmarkStorage.Prefix) with
        {
            StoredLearners = learners,
            QuietBeforeReading = TimeSpan.FromSeconds(quietSeconds),
        };
        var figures = await new TurnBenchmark(settings, Console.Error).MemoryOnlyAsync();
        var markdown = new StringBuilder();
        TurnBenchmarkMarkdown.Memory(markdown, settings, figures);
        Console.Out.Write(markdown);
        return 0;
    }
}
