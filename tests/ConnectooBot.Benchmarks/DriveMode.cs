using ConnectooBot.Storage.Content;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Load;

namespace ConnectooBot.Benchmarks;

/// <summary>
/// <c>drive BOT_URL CONTENT_DIR SECONDS CONCURRENCY</c>: simulated learners against a bot already running (started with
/// <c>Bot__Connector__AllowLoopbackServiceUrls=true</c>), e.g. to profile it; prints turns/s and latency.
/// </summary>
internal static class DriveMode
{
    public static async Task<int> RunAsync(Uri bot, string contentDirectory, int seconds, int concurrency)
    {
        await using var connector = await RecordingConnector.StartAsync();
        var course = ContentLoader.LoadCourse(contentDirectory);
        var activities = new ActivityFactory(connector.ServiceUrl);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = bot };
        var byKind = new KindTally();
        var learners = Enumerable.Range(1, concurrency).Select(i => (ITurnSource)new Timed(new SimulatedLearner(activities, Random.Shared.Next(), course, connector: connector), byKind)).ToList();
        var result = await LoadRunner.RunAsync(client, learners, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"{result.Turns} turns, {result.TurnsPerSecond:0} turns/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, {result.Unexpected} unexpected, {result.ServerErrors} 5xx");
        byKind.Print(Console.Out);
        return result.Unexpected == 0 && result.ServerErrors == 0 ? 0 : 1;
    }

    /// <summary>Every turn of a kind (its verb), warm-up included: how many and their mean latency, to see where the time goes.</summary>
    private sealed class KindTally
    {
        private readonly Dictionary<string, (int Count, double Ms)> _kinds = [];

        public void Add(string kind, double ms)
        {
            lock (_kinds)
            {
                var (count, total) = _kinds.GetValueOrDefault(kind);
                _kinds[kind] = (count + 1, total + ms);
            }
        }

        public void Print(TextWriter output)
        {
            var all = _kinds.Values.Sum(k => k.Ms);
            foreach (var (kind, (count, ms)) in _kinds.OrderByDescending(k => k.Value.Ms))
            {
                output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {kind,-16} {count,7} turns, mean {ms / count,6:0.00} ms, {100 * ms / all,5:0.0} % of the time"));
            }
        }
    }

    private sealed class Timed(ITurnSource inner, KindTally tally) : ITurnSource
    {
        public async Task<TurnOutcome> NextTurnAsync(HttpClient bot, CancellationToken cancellationToken)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcome = await inner.NextTurnAsync(bot, cancellationToken);
            tally.Add(outcome.Kind, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return outcome;
        }
    }
}
