using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Learning.Learners;

/// <summary>Changes a learner with optimistic concurrency (<see cref="OptimisticUpdate"/>).</summary>
public sealed class LearnerUpdater(ILearnerStore store, TimeProvider time, IConflictObserver? conflicts = null)
{
    public const int MaxAttempts = OptimisticUpdate.MaxAttempts;

    /// <param name="change">Given the current learner (null if new), returns the new learner, or the same instance for "no change".</param>
    public async Task<Learner?> UpdateAsync(LearnerKey key, Func<Learner?, Learner?> change, CancellationToken cancellationToken) =>
        (await UpdateAsync(key, change, null, cancellationToken)).Learner;

    /// <summary>
    /// As <see cref="UpdateAsync(LearnerKey, Func{Learner?, Learner?}, CancellationToken)"/>; when the learner is written,
    /// the claim <paramref name="claim"/> gives (asked just before each write; null: none) is inserted in the same
    /// transaction. Returns the learner and the claim that was written with it (null if none, or nothing was written).
    /// Throws <see cref="ActivityClaimedException"/> when the activity was already claimed (nothing written).
    /// </summary>
    public async Task<(Learner? Learner, ActivityClaim? Claimed)> UpdateAsync(
        LearnerKey key, Func<Learner?, Learner?> change, Func<ActivityClaim?>? claim, CancellationToken cancellationToken)
    {
        ActivityClaim? written = null;
        var wrote = false;
        var reads = 0;
        Versioned<Learner>? lastRead = null;
        async Task<Versioned<Learner>?> ReadAsync(CancellationToken ct)
        {
            // The first read may come from the store's memory; after a conflict, storage.
            lastRead = reads++ == 0 ? await store.FindForUpdateAsync(key, ct) : await store.FindAsync(key, ct);
            return lastRead;
        }

        var learner = await UpdateOnceAsync(ReadAsync);
        if (!wrote && lastRead is { FromCache: true })
        {
            // Nothing to write, judged on a copy from memory that may be behind: judge again on the stored learner.
            learner = await UpdateOnceAsync(ct => store.FindAsync(key, ct));
        }

        return (learner, written);

        Task<Learner?> UpdateOnceAsync(Func<CancellationToken, Task<Versioned<Learner>?>> read) => OptimisticUpdate.RunAsync(
            read,
            async (value, ct) =>
            {
                var riding = claim?.Invoke();
                await (riding is null ? store.InsertAsync(value, ct) : store.InsertAsync(value, riding, ct));
                (written, wrote) = (riding, true);
            },
            async (value, etag, ct) =>
            {
                var riding = claim?.Invoke();
                await (riding is null ? store.ReplaceAsync(value, etag, ct) : store.ReplaceAsync(value, etag, riding, ct));
                (written, wrote) = (riding, true);
            },
            change,
            conflicts is null ? null : () => conflicts.OnConflict("learner"),
            time,
            cancellationToken);
    }
}
