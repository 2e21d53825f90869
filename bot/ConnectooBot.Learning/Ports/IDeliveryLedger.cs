using ConnectooBot.Learning.Delivery;

namespace ConnectooBot.Learning.Ports;

/// <summary>
/// Each recipient's outcome per run, and the claims that make a delivery happen at most once across workers,
/// crashes and restarts. Rows expire after the configured retention (<see cref="PurgeExpiredAsync"/>).
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>Registers (or re-registers, same id: replaced) a run so operators can list it and purging can find it.</summary>
    Task StartRunAsync(DeliveryRun run, CancellationToken cancellationToken);

    /// <summary>
    /// Records a final outcome outside the queue — typically <see cref="DeliveryOutcome.Skipped"/> by a producer.
    /// The first final outcome wins: returns false (and changes nothing) when the recipient already has one.
    /// </summary>
    Task<bool> RecordAsync(string runId, string recipientKey, DeliveryOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>One recipient's row, or null.</summary>
    Task<DeliveryEntry?> FindAsync(string runId, string recipientKey, CancellationToken cancellationToken);

    /// <summary>The run with its counts, or null when it was never started (or purged).</summary>
    Task<DeliveryRunSummary?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Runs created at or after <paramref name="since"/>, newest first, with their counts.</summary>
    Task<IReadOnlyList<DeliveryRunSummary>> ListRunsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Every row about one recipient, in every run (a learner's "my data"), oldest first.</summary>
    Task<IReadOnlyList<DeliveryEntry>> ListForRecipientAsync(string recipientKey, CancellationToken cancellationToken);

    /// <summary>Deletes every row about one recipient, in every run (a learner's erasure); returns how many rows.</summary>
    Task<int> ForgetRecipientAsync(string recipientKey, CancellationToken cancellationToken);

    /// <summary>Deletes runs (with all their rows) whose retention ended before <paramref name="now"/>; returns how many runs.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Claims a recipient for sending until <paramref name="leaseUntil"/> (see <see cref="DeliveryClaimResult"/>).</summary>
    Task<DeliveryClaimResult> TryClaimAsync(string runId, string recipientKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Records the final outcome under the claim; false when the claim was lost (taken over after its lease). A
    /// <see cref="DeliveryStatus.Sent"/> outcome also replaces the "interrupted; may have been sent" failure that a worker
    /// taking the claim over recorded: the send did happen, so the ledger says so.
    /// </summary>
    Task<bool> CompleteAsync(DeliveryClaim claim, DeliveryOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gives the claim back without an outcome (a retry is queued); false when the claim was lost.</summary>
    Task<bool> ReleaseAsync(DeliveryClaim claim, DateTimeOffset at, CancellationToken cancellationToken);
}
