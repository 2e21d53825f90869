using System.Globalization;
using System.Text.Json;
using ConnectooBot.Learning.Delivery;

namespace ConnectooBot.Benchmarks;

/// <summary>
/// <c>wait RUN_ID STATS_FILE TIMEOUT_SECONDS [DELIVERED_AT_LEAST]</c>: with DELIVERED_AT_LEAST, waits until the
/// connector delivered that many (the script then kills the worker); without, waits for the run to complete and prints
/// the report (Markdown) from the ledger and the connector's counts. The ledger's counts are a scan of the run's
/// rows, so they are read only every few seconds, or as soon as the connector reached every planned recipient: the
/// benchmark must not load the storage it measures.
/// </summary>
internal static class WaitMode
{
    private static readonly TimeSpan LedgerReadInterval = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string runId, string statsFile, int timeoutSeconds, int? deliveredAtLeast)
    {
        var (_, ledger, _) = await BenchmarkStorage.OpenAsync();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(timeoutSeconds);
        var ledgerReadAt = DateTimeOffset.MinValue;
        int? planned = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var stats = await ReadStatsAsync(statsFile);
            if (deliveredAtLeast is { } threshold)
            {
                if (stats?.Delivered >= threshold)
                {
                    return 0;
                }
            }
            else if (stats?.DistinctConversations >= planned || DateTimeOffset.UtcNow - ledgerReadAt >= LedgerReadInterval)
            {
                ledgerReadAt = DateTimeOffset.UtcNow;
                var summary = await ledger.GetRunAsync(runId, CancellationToken.None);
                planned ??= summary?.Run.Planned;
                if (summary is { IsComplete: true })
                {
                    await Task.Delay(TimeSpan.FromSeconds(1.5)); // the connector writes its counts every second
                    Console.WriteLine(Report(summary, await ReadStatsAsync(statsFile)));
                    return 0;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        await Console.Error.WriteLineAsync($"timed out after {timeoutSeconds} s");
        return 1;
    }

    private static string Report(DeliveryRunSummary summary, ConnectorStats? stats)
    {
        var planned = summary.Run.Planned;
        var inv = CultureInfo.InvariantCulture;
        var duration = stats is null ? 0 : stats.LastDeliverySeconds - stats.FirstDeliverySeconds;
        var rate = duration > 0 ? (stats!.Delivered - 1) / duration : 0;
        var lost = planned - (stats?.DistinctConversations ?? 0);
        var reasons = string.Join(", ", summary.FailedByReason.Select(r => $"{r.Key}: {r.Value}"));
        var ledgerMatches = stats is not null && summary.Sent == stats.DistinctConversations && summary.InProgress == 0;
        return string.Join('\n',
            $"| planned | {planned} |",
            $"| ledger: sent / failed / skipped / in progress | {summary.Sent} / {summary.Failed} / {summary.Skipped} / {summary.InProgress} |",
            $"| ledger failures by reason | {(reasons.Length == 0 ? "none" : reasons)} |",
            $"| connector: messages delivered | {stats?.Delivered} |",
            $"| connector: distinct recipients reached | {stats?.DistinctConversations} |",
            $"| connector: duplicates | {stats?.Duplicates} |",
            $"| recipients never reached (loss) | {lost} |",
            $"| connector: 429 answers | {stats?.Throttled} |",
            $"| first → last delivery | {duration.ToString("0.0", inv)} s |",
            $"| delivered rate (incl. the restart) | {rate.ToString("0.0", inv)} /s |",
            $"| ledger agrees with the connector (sent rows = recipients reached, none in progress) | {(ledgerMatches ? "yes" : "**no**")} |",
            "",
            "A recipient recorded \"interrupted; may have been sent\" was claimed when the worker was killed: nobody can know",
            "whether that send left, so it is never sent again (no duplicates) and the ledger says so; a crash loses at most the",
            "messages in flight at that moment. Any other loss, or a ledger that disagrees with the connector, is a bug.");
    }

    private static async Task<ConnectorStats?> ReadStatsAsync(string statsFile)
    {
        try
        {
            return JsonSerializer.Deserialize(await File.ReadAllTextAsync(statsFile), BenchmarkJsonContext.Default.ConnectorStats);
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }
}
