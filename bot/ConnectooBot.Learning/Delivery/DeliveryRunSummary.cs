namespace ConnectooBot.Learning.Delivery;

/// <summary>A run's counts, for operators: final outcomes by status and reason, and what is still under way.</summary>
public sealed record DeliveryRunSummary(
    DeliveryRun Run,
    int Sent,
    int Failed,
    int Skipped,
    int InProgress,
    IReadOnlyDictionary<string, int> FailedByReason,
    IReadOnlyDictionary<string, int> SkippedByReason)
{
    /// <summary>Planned recipients without any ledger row yet (still queued, never tried).</summary>
    public int NotStarted => Math.Max(0, Run.Planned - Sent - Failed - Skipped - InProgress);

    public bool IsComplete => Sent + Failed + Skipped >= Run.Planned;
}
