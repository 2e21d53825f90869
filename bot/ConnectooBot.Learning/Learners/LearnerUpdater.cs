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
        var learner = await OptimisticUpdate.RunAsync(
            ct => store.FindAsync(key, ct),
            async (value, ct) =>
            {
                var riding = claim?.Invoke();
                await (riding is null ? store.InsertAsync(value, ct) : store.InsertAsync(value, riding, ct));
                written = riding;
            },
            async (value, etag, ct) =>
            {
                var riding = claim?.Invoke();
                await (riding is null ? store.ReplaceAsync(value, etag, ct) : store.ReplaceAsync(value, etag, riding, ct));
                written = riding;
            },
            change,
            conflicts is null ? null : () => conflicts.OnConflict("learner"),
            time,
            cancellationToken);
        return (learner, written);
    }
}
