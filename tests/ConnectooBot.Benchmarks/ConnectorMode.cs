using System.Runtime.InteropServices;
using System.Text.Json;
using ConnectooBot.Testing.Connector;

namespace ConnectooBot.Benchmarks;

/// <summary>
/// <c>connector RATE URL_FILE STATS_FILE</c>: a recording connector on loopback that answers 429 + Retry-After: 1
/// beyond RATE requests in any one-second window (as Teams does per tenant), until SIGTERM.
/// </summary>
internal static class ConnectorMode
{
    public static async Task<int> RunAsync(int rate, string urlFile, string statsFile)
    {
        await using var connector = await RecordingConnector.StartAsync();
        connector.LimitRate(rate);
        await File.WriteAllTextAsync(urlFile, connector.ServiceUrl);
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        while (!stop.IsCancellationRequested)
        {
            await WriteStatsAsync(connector, statsFile);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await WriteStatsAsync(connector, statsFile);
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task WriteStatsAsync(RecordingConnector connector, string statsFile)
    {
        var requests = connector.Requests;
        var delivered = requests.Where(r => r.StatusCode is >= 200 and < 300).ToList();
        var perConversation = connector.Activities.GroupBy(a => a.ConversationId).Select(g => g.Count()).ToList();
        var stats = new ConnectorStats(
            requests.Count,
            delivered.Count,
            requests.Count(r => r.StatusCode == 429),
            perConversation.Count,
            perConversation.Sum(n => n - 1),
            delivered.Count > 0 ? delivered.Min(r => r.ReceivedAt).TotalSeconds : 0,
            delivered.Count > 0 ? delivered.Max(r => r.ReceivedAt).TotalSeconds : 0);
        var temporary = statsFile + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(stats, BenchmarkJsonContext.Default.ConnectorStats));
        File.Move(temporary, statsFile, overwrite: true);
    }
}
