using System.Globalization;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.Delivery;

namespace ConnectooBot.Storage.InMemory;

/// <summary>The delivery ledger in memory (one process only), with the same claim rules as the table ledger.</summary>
public sealed class InMemoryDeliveryLedger(TimeSpan retention) : IDeliveryLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DeliveryRun Run, DateTimeOffset ExpiresAt)> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Run, string Recipient), (DeliveryEntry Entry, long Version)> _rows = [];
    private long _version;

    public Task StartRunAsync(DeliveryRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            _runs[run.RunId] = (run, run.CreatedAt + retention);
        }

        return Task.CompletedTask;
    }

    public Task<bool> RecordAsync(string runId, string recipientKey, DeliveryOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_gate)
        {
            if (_rows.TryGetValue((runId, recipientKey), out var row) && row.Entry.Status.IsFinal())
            {
                return Task.FromResult(false);
            }

            Write(new DeliveryEntry(runId, recipientKey, outcome.Status, outcome.Reason, null, at));
            return Task.FromResult(true);
        }
    }

    public Task<DeliveryEntry?> FindAsync(string runId, string recipientKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue((runId, recipientKey), out var row) ? row.Entry : null);
        }
    }

    public Task<DeliveryRunSummary?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_runs.TryGetValue(runId, out var run) ? Summary(run.Run) : null);
        }
    }

    public Task<IReadOnlyList<DeliveryRunSummary>> ListRunsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeliveryRunSummary> runs = [.. _runs.Values
                .Where(r => r.Run.CreatedAt >= since)
                .OrderByDescending(r => r.Run.CreatedAt)
                .Select(r => Summary(r.Run))];
            return Task.FromResult(runs);
        }
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var expired = _runs.Where(r => r.Value.ExpiresAt < now).Select(r => r.Key).ToList();
            foreach (var runId in expired)
            {
                _runs.Remove(runId);
                foreach (var key in _rows.Keys.Where(k => k.Run == runId).ToList())
                {
                    _rows.Remove(key);
                }
            }

            return Task.FromResult(expired.Count);
        }
    }

    public Task<IReadOnlyList<DeliveryEntry>> ListForRecipientAsync(string recipientKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DeliveryEntry>>([.. _rows.Where(r => r.Key.Recipient == recipientKey).Select(r => r.Value.Entry).OrderBy(e => e.UpdatedAt)]);
        }
    }

    public Task<int> ForgetRecipientAsync(string recipientKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var keys = _rows.Keys.Where(k => k.Recipient == recipientKey).ToList();
            foreach (var key in keys)
            {
                _rows.Remove(key);
            }

            return Task.FromResult(keys.Count);
        }
    }

    public Task<DeliveryClaimResult> TryClaimAsync(string runId, string recipientKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var takenOver = false;
            if (_rows.TryGetValue((runId, recipientKey), out var row))
            {
                var entry = row.Entry;
                if (entry.Outcome is { } outcome)
                {
                    return Task.FromResult<DeliveryClaimResult>(new DeliveryClaimResult.AlreadyFinal(outcome));
                }

                if (entry.Status == DeliveryStatus.Sending && entry.LeaseUntil > now)
                {
                    return Task.FromResult<DeliveryClaimResult>(new DeliveryClaimResult.Busy(entry.LeaseUntil.Value));
                }

                takenOver = entry.Status == DeliveryStatus.Sending;
            }

            var version = Write(new DeliveryEntry(runId, recipientKey, DeliveryStatus.Sending, null, leaseUntil, now));
            var claim = new DeliveryClaim(runId, recipientKey, leaseUntil, version);
            return Task.FromResult<DeliveryClaimResult>(takenOver ? new DeliveryClaimResult.TakenOver(claim) : new DeliveryClaimResult.Claimed(claim));
        }
    }

    public Task<bool> CompleteAsync(DeliveryClaim claim, DeliveryOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var entry = new DeliveryEntry(claim.RunId, claim.RecipientKey, outcome.Status, outcome.Reason, null, at);
        lock (_gate)
        {
            if (ReplaceIfHeld(claim, entry))
            {
                return Task.FromResult(true);
            }

            // Taken over and recorded as "interrupted; may have been sent" — but it was sent: say so.
            if (outcome.Status == DeliveryStatus.Sent
                && _rows.TryGetValue((claim.RunId, claim.RecipientKey), out var row)
                && row.Entry is { Status: DeliveryStatus.Failed, Reason: DeliveryReasons.Interrupted })
            {
                Write(entry);
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    public Task<bool> ReleaseAsync(DeliveryClaim claim, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(ReplaceIfHeld(claim, new DeliveryEntry(claim.RunId, claim.RecipientKey, DeliveryStatus.Pending, null, null, at)));

    private bool ReplaceIfHeld(DeliveryClaim claim, DeliveryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_gate)
        {
            if (!_rows.TryGetValue((claim.RunId, claim.RecipientKey), out var row)
                || row.Version.ToString(CultureInfo.InvariantCulture) != claim.Version)
            {
                return false;
            }

            Write(entry);
            return true;
        }
    }

    private string Write(DeliveryEntry entry)
    {
        var version = ++_version;
        _rows[(entry.RunId, entry.RecipientKey)] = (entry, version);
        return version.ToString(CultureInfo.InvariantCulture);
    }

    private DeliveryRunSummary Summary(DeliveryRun run) =>
        DeliverySummaries.Count(run, _rows.Values.Where(r => r.Entry.RunId == run.RunId).Select(r => (r.Entry.Status, r.Entry.Reason)));
}
