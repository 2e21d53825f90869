using System.Diagnostics;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;
using ConnectooBot.Testing.Authentication;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Load;

namespace ConnectooBot.Benchmarks;

/// <summary>One level, authentication off then on, with the bot's CPU milliseconds per measured turn.</summary>
internal sealed record AuthLevelFigures(int Concurrency, LoadResult Off, LoadResult On, double OffCpuMs, double OnCpuMs);

internal sealed record AuthBenchmarkReport(TimeSpan WarmUp, TimeSpan Measure, IReadOnlyList<AuthLevelFigures> Levels, AuthMicroFigures Micro, IReadOnlyList<string> Problems);

/// <summary>
/// What token validation costs a turn: two host processes from the same build, both with in-memory storage (so storage
/// does not drown the difference), one with authentication off (as the other benchmarks run) and one trusting a local
/// token issuer (<see cref="TestTokenIssuer"/>, through its settings in that child process only); the same simulated
/// learners at each level, every request of the second host carrying a real signed token (one token reused, as the
/// Bot Connector does for its hour). Its outbound connector token comes from <see cref="FakeManagedIdentity"/>.
/// Then the authenticator alone, in this process (<see cref="AuthMicroBenchmark"/>).
/// </summary>
internal sealed class AuthBenchmark(string botDll, IReadOnlyList<int> levels, TimeSpan warmUp, TimeSpan measure, int microCalls, TextWriter progress)
{
    private readonly Course _course = ContentLoader.LoadCourse(Path.Combine(Path.GetDirectoryName(botDll)!, "dialogs-content"));
    private readonly List<string> _problems = [];
    private int _nextSeed = 1;

    public async Task<AuthBenchmarkReport> RunAsync()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var issuer = await TestTokenIssuer.StartAsync();
        await using var identity = await FakeManagedIdentity.StartAsync();
        var activities = new ActivityFactory(connector.ServiceUrl, issuer.AppId);

        var common = new Dictionary<string, string> { ["Bot__Connector__AllowLoopbackServiceUrls"] = "true", ["Storage__Backend"] = "InMemory" };
        var authenticated = new Dictionary<string, string>(common)
        {
            ["Bot__AppId"] = issuer.AppId,
            ["Bot__AppType"] = "UserAssignedMSI",
            ["Bot__Authentication__OpenIdMetadataUrl"] = issuer.MetadataUrl.ToString(),
            ["Bot__Authentication__ValidIssuers__0"] = issuer.Issuer,
        };
        foreach (var (key, value) in identity.Environment)
        {
            authenticated[key] = value;
        }

        await using var off = await BotProcess.StartAsync(botDll, common);
        await using var on = await BotProcess.StartAsync(botDll, authenticated);
        using var offClient = off.CreateClient();
        using var onClient = new HttpClient(new BearerTokenHandler(issuer.CreateToken(connector.ServiceUrl))) { BaseAddress = on.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        progress.WriteLine("Warming up both hosts…");
        await LoadRunner.RunAsync(offClient, Learners(activities, connector, 16), warmUp, warmUp);
        await LoadRunner.RunAsync(onClient, Learners(activities, connector, 16), warmUp, warmUp);
        var figures = new List<AuthLevelFigures>();
        foreach (var concurrency in levels)
        {
            progress.WriteLine($"Concurrency {concurrency}: authentication off, then on…");
            var (offResult, offCpu) = await WithBotCpuAsync(off.ProcessId, () => LoadRunner.RunAsync(offClient, Learners(activities, connector, concurrency), warmUp, measure));
            var (onResult, onCpu) = await WithBotCpuAsync(on.ProcessId, () => LoadRunner.RunAsync(onClient, Learners(activities, connector, concurrency), warmUp, measure));
            Check($"authentication off at {concurrency}", offResult);
            Check($"authentication on at {concurrency}", onResult);
            figures.Add(new AuthLevelFigures(concurrency, offResult, onResult, offCpu, onCpu));
        }

        CheckLogs("authentication off", off);
        CheckLogs("authentication on", on);
        if (identity.Issued == 0)
        {
            _problems.Add("the authenticated host never asked for a connector token");
        }

        progress.WriteLine($"The authenticator alone: {microCalls} validations…");
        var micro = await AuthMicroBenchmark.RunAsync(issuer, connector.ServiceUrl, microCalls);
        return new AuthBenchmarkReport(warmUp, measure, figures, micro, _problems);
    }

    private List<ITurnSource> Learners(ActivityFactory activities, RecordingConnector connector, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (ITurnSource)new SimulatedLearner(activities, _nextSeed++, _course, connector: connector))];

    /// <summary>The bot's CPU milliseconds per measured turn (warm-up turns use CPU too: scaled by the measured share).</summary>
    private async Task<(LoadResult Result, double CpuMs)> WithBotCpuAsync(int botPid, Func<Task<LoadResult>> run)
    {
        var before = ProcessCpu.Used(botPid);
        var result = await run();
        var used = ProcessCpu.Used(botPid) - before;
        var share = result.Seconds / (result.Seconds + warmUp.TotalSeconds);
        return (result, used.TotalMilliseconds * share / Math.Max(1, result.Turns));
    }

    private void Check(string what, LoadResult result)
    {
        if (result.Turns == 0 || result.Unexpected > 0 || result.ServerErrors > 0)
        {
            _problems.Add($"{what}: {result.Turns} turns, {result.Unexpected} unexpected answers, {result.ServerErrors} 5xx or network errors");
        }
    }

    private void CheckLogs(string what, BotProcess bot)
    {
        var bad = bot.Output.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
        if (bad.Count > 0)
        {
            _problems.Add($"{what}: {bad.Count} error lines in its log, first: {bad[0]}");
            progress.WriteLine(string.Join('\n', bot.Output.SkipWhile(l => l != bad[0]).Take(30)));
        }
    }
}
