using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Learning.Learners;

/// <summary>
/// Read → apply → write with the ETag; on a conflict, read again and apply again (the change is a pure function
/// of the current state, so re-applying it is safe). Returns the state that was saved, or the unchanged state.
/// </summary>
public sealed class LearnerUpdater(ILearnerStore store)
{
    public const int MaxAttempts = 5;

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
                // Someone else wrote first: read their version and apply the change to it.
            }
        }
    }
}
