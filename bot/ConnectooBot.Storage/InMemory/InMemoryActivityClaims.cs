using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Storage.InMemory;

/// <summary>Activity claims in memory, with the table store's rules. <see cref="InMemoryLearnerStore"/> takes them with its writes.</summary>
public sealed class InMemoryActivityClaims : IActivityClaims
{
    private readonly Dictionary<ActivityClaimKey, ActivityClaim> _claims = [];
    private readonly Lock _gate = new();

    public Task<ActivityClaimResult> TakeAsync(ActivityClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_gate)
        {
            if (_claims.TryGetValue(claim.Key, out var existing) && (existing.Done || existing.IsRunningAt(now)))
            {
                return Task.FromResult(new ActivityClaimResult(false, existing));
            }

            _claims[claim.Key] = claim;
            return Task.FromResult(new ActivityClaimResult(true, claim));
        }
    }

    public Task<ActivityClaim?> FindAsync(ActivityClaimKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_claims.GetValueOrDefault(key));
        }
    }

    public Task CompleteAsync(ActivityClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_gate)
        {
            _claims[claim.Key] = claim;
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(ActivityClaimKey key, string holder, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_claims.TryGetValue(key, out var existing) && existing.Holder == holder)
            {
                _claims.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> DeleteConversationAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var theirs = _claims.Keys.Where(k => k.TenantId == tenantId && k.ConversationId == conversationId).ToList();
            theirs.ForEach(key => _claims.Remove(key));
            return Task.FromResult(theirs.Count);
        }
    }

    public Task<int> PurgeAsync(DateTimeOffset takenBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _claims.Where(c => c.Value.TakenAt < takenBefore).Select(c => c.Key).ToList();
            old.ForEach(key => _claims.Remove(key));
            return Task.FromResult(old.Count);
        }
    }
}
