using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Web.Tests.Delivery;

/// <summary>A ledger that trips the <see cref="PowerCut"/> instead of recording outcome number <c>n + 1</c>: the send happened, its outcome never lands.</summary>
internal sealed class PowerCutLedger(IDeliveryLedger inner, PowerCut power, int completionsBeforeCut) : IDeliveryLedger
{
    private int _completions;

    public async Task StartRunAsync(DeliveryRun run, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        await inner.StartRunAsync(run, cancellationToken);
    }

    public async Task<bool> RecordAsync(string runId, string recipientKey, DeliveryOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.RecordAsync(runId, recipientKey, outcome, at, cancellationToken);
    }

    public async Task<DeliveryEntry?> FindAsync(string runId, string recipientKey, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.FindAsync(runId, recipientKey, cancellationToken);
    }

    public async Task<DeliveryRunSummary?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.GetRunAsync(runId, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryRunSummary>> ListRunsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.ListRunsAsync(since, cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryEntry>> ListForRecipientAsync(string recipientKey, CancellationToken cancellationToken) => inner.ListForRecipientAsync(recipientKey, cancellationToken);

    public Task<int> ForgetRecipientAsync(string recipientKey, CancellationToken cancellationToken) => inner.ForgetRecipientAsync(recipientKey, cancellationToken);

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.PurgeExpiredAsync(now, cancellationToken);
    }

    public async Task<DeliveryClaimResult> TryClaimAsync(string runId, string recipientKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.TryClaimAsync(runId, recipientKey, now, leaseUntil, cancellationToken);
    }

    public async Task<bool> CompleteAsync(DeliveryClaim claim, DeliveryOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _completions) > completionsBeforeCut)
        {
            power.Trip();
        }

        await power.GuardAsync();
        return await inner.CompleteAsync(claim, outcome, at, cancellationToken);
    }

    public async Task<bool> ReleaseAsync(DeliveryClaim claim, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.ReleaseAsync(claim, at, cancellationToken);
    }
}
