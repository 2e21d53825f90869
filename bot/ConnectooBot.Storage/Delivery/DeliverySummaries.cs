using ConnectooBot.Learning.Delivery;

namespace ConnectooBot.Storage.Delivery;

/// <summary>Counts a run's rows into a <see cref="DeliveryRunSummary"/> (shared by both ledgers).</summary>
internal static class DeliverySummaries
{
    public static DeliveryRunSummary Count(DeliveryRun run, IEnumerable<(DeliveryStatus Status, string? Reason)> rows)
    {
        int sent = 0, failed = 0, skipped = 0, inProgress = 0;
        var failedBy = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var skippedBy = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (status, reason) in rows)
        {
            switch (status)
            {
                case DeliveryStatus.Sent:
                    sent++;
                    break;
                case DeliveryStatus.Failed:
                    failed++;
                    Add(failedBy, reason);
                    break;
                case DeliveryStatus.Skipped:
                    skipped++;
                    Add(skippedBy, reason);
                    break;
                default:
                    inProgress++;
                    break;
            }
        }

        return new DeliveryRunSummary(run, sent, failed, skipped, inProgress, failedBy, skippedBy);
    }

    private static void Add(SortedDictionary<string, int> counts, string? reason)
    {
        var key = reason ?? "unknown";
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
    }
}
