using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Learning.Learners;

/// <summary>Changes a learner with optimistic concurrency (<see cref="OptimisticUpdate"/>).</summary>
public sealed class LearnerUpdater(ILearnerStore store, TimeProvider time, IConflictObserver? conflicts = null)
{
    public const int MaxAttempts = OptimisticUpdate.MaxAttempts;

    /// <param name="change">Given the current learner (null if new), returns the new learner, or the same instance for "no change".</param>
    public Task<Learner?> UpdateAsync(LearnerKey key, Func<Learner?, Learner?> change, CancellationToken cancellationToken) =>
        OptimisticUpdate.RunAsync(
            ct => store.FindAsync(key, ct),
            (learner, ct) => store.InsertAsync(learner, ct),
            (learner, etag, ct) => store.ReplaceAsync(learner, etag, ct),
            change,
            conflicts is null ? null : () => conflicts.OnConflict("learner"),
            time,
            cancellationToken);
}
