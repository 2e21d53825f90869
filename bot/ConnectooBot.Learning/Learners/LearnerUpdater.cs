using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Learning.Learners;

/// <summary>
/// Read → apply → write with the ETag; on a conflict, read again and apply again (the change is a pure function
/// of the current state, so re-applying it is safe). Returns the state that was saved, or the unchanged state.
/// Between attempts it waits a short random time, so two writers racing on one learner do not collide in lockstep.
/// </summary>
public sealed class LearnerUpdater(ILearnerStore store, TimeProvider time)
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan BackoffStep = TimeSpan.FromMilliseconds(10);

    /// <param name="change">Given the current learner (null if new), returns the new learner, or the same instance for "no change".</param>
    public async Task<Learner?> UpdateAsync(LearnerKey key, Func<Learner?, Learner?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.FindAsync(key, cancellationToken);
            var updated = change(current?.Value);
            if (updated is null || ReferenceEquals(updated, current?.Value))
            {
                return current?.Value;
            }

            try
            {
                if (current is null)
                {
                    await store.InsertAsync(updated, cancellationToken);
                }
                else
                {
                    await store.ReplaceAsync(updated, current.ETag, cancellationToken);
                }

                return updated;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone else wrote first: wait a little, read their version and apply the change to it.
                await Task.Delay(BackoffStep * (attempt * Random.Shared.NextDouble()), time, cancellationToken);
            }
        }
    }
}
