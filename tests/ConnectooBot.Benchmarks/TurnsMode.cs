namespace ConnectooBot.Benchmarks;

/// <summary>
/// <c>turns BOT_DLL PEER_DIR OUT_MD [quick]</c>: runs the turn benchmark against the Azurite in BENCH_STORAGE (tables
/// under BENCH_PREFIX) and writes its Markdown section to OUT_MD. Exit 1 when a turn failed or a host logged an error.
/// </summary>
internal static class TurnsMode
{
    public static async Task<int> RunAsync(string botDll, string peerDirectory, string outMarkdown, bool quick)
    {
        var storage = Environment.GetEnvironmentVariable("BENCH_STORAGE") ?? throw new InvalidOperationException("BENCH_STORAGE is not set.");
        (botDll, peerDirectory) = (Path.GetFullPath(botDll), Path.GetFullPath(peerDirectory));
        var settings = quick
            ? TurnBenchmarkSettings.Quick(botDll, peerDirectory, storage, BenchmarkStorage.Prefix)
            : TurnBenchmarkSettings.Full(botDll, peerDirectory, storage, BenchmarkStorage.Prefix);
        var report = await new TurnBenchmark(settings, Console.Error).RunAsync();
        var markdown = TurnBenchmarkMarkdown.Render(report);
        await File.WriteAllTextAsync(outMarkdown, markdown);
        Console.Out.Write(markdown);
        return report.Problems.Count == 0 ? 0 : 1;
    }

    /// <summary><c>ratio BOT_DLL LEVELS</c> (e.g. <c>1,16</c>): only the host on Azurite against the raw pairs, full durations.</summary>
    public static async Task<int> RatioAsync(string botDll, string levels)
    {
        var storage = Environment.GetEnvironmentVariable("BENCH_STORAGE") ?? throw new InvalidOperationException("BENCH_STORAGE is not set.");
        botDll = Path.GetFullPath(botDll);
        var settings = TurnBenchmarkSettings.Full(botDll, string.Empty, storage, BenchmarkStorage.Prefix);
        var list = levels.Split(',').Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return await new TurnBenchmark(settings, Console.Error).RatioOnlyAsync(list, Console.Out);
    }
}
