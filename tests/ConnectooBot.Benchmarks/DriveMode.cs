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
        var learners = Enumerable.Range(1, concurrency).Select(i => (ITurnSource)new SimulatedLearner(activities, Random.Shared.Next(), course, connector: connector)).ToList();
        var result = await LoadRunner.RunAsync(client, learners, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"{result.Turns} turns, {result.TurnsPerSecond:0} turns/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, {result.Unexpected} unexpected, {result.ServerErrors} 5xx");
        return result.Unexpected == 0 && result.ServerErrors == 0 ? 0 : 1;
    }
}
