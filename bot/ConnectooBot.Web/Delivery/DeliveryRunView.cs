using ConnectooBot.Learning.Delivery;

namespace ConnectooBot.Web.Delivery;

/// <summary>A run as the operator endpoint shows it (JSON): ids, counts, reasons — never recipients or content.</summary>
internal sealed record DeliveryRunView(
    string RunId,
    string Kind,
    string? TenantId,
    DateTimeOffset CreatedAt,
    int Planned,
    int Sent,
    int Failed,
    int Skipped,
    int InProgress,
    int NotStarted,
    bool Complete,
    IReadOnlyDictionary<string, int> FailedByReason,
    IReadOnlyDictionary<string, int> SkippedByReason)
{
    public static DeliveryRunView From(DeliveryRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var run = summary.Run;
        return new(run.RunId, run.Kind, run.TenantId, run.CreatedAt, run.Planned, summary.Sent, summary.Failed, summary.Skipped,
            summary.InProgress, summary.NotStarted, summary.IsComplete, summary.FailedByReason, summary.SkippedByReason);
    }
}
