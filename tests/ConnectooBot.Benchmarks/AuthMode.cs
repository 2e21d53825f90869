namespace ConnectooBot.Benchmarks;

/// <summary>
/// <c>auth BOT_DLL OUT_MD [quick]</c>: the cost of token validation per turn (authentication off vs on at 1 and 16
/// learners, side by side, and the authenticator alone); writes its Markdown section to OUT_MD. Exit 1 on a problem.
/// </summary>
internal static class AuthMode
{
    public static async Task<int> RunAsync(string botDll, string outMarkdown, bool quick)
    {
        var benchmark = quick
            ? new AuthBenchmark(Path.GetFullPath(botDll), [1, 16], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), 2_000, Console.Error)
            : new AuthBenchmark(Path.GetFullPath(botDll), [1, 16], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15), 20_000, Console.Error);
        var report = await benchmark.RunAsync();
        var markdown = AuthBenchmarkMarkdown.Render(report);
        await File.WriteAllTextAsync(outMarkdown, markdown);
        Console.Out.Write(markdown);
        return report.Problems.Count == 0 ? 0 : 1;
    }
}
