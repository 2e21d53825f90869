namespace ConnectooBot.Learning.Ports;

/// <summary>
/// Read → apply → write with the ETag; on a conflict, read again and apply again (the change is a pure function of
/// the current state, so re-applying it is safe). Between attempts it waits a random time whose ceiling doubles with
/// each conflict ("full jitter", 10 ms up to 320 ms), so two writers racing on one record do not collide in lockstep and
/// a slow writer under load is not starved by a fast one.
/// </summary>
public static class OptimisticUpdate
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan BackoffStep = TimeSpan.FromMilliseconds(10);
    private const int BackoffDoublings = 5;

    /// <param name="change">Given the current value (null if new), the new value, or the same instance for "no change".</param>
    /// <param name="onConflict">Called before each retry after a conflict (the host counts them); may be null.</param>
    /// <returns>The value that was saved, or the unchanged current value.</returns>
    public static async Task<T?> RunAsync<T>(
        Func<CancellationToken, Task<Versioned<T>?>> read,
        Func<T, CancellationToken, Task> insert,
        Func<T, string, CancellationToken, Task> replace,
        Func<T?, T?> change,
        Action? onConflict,
        TimeProvider time,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(insert);
        ArgumentNullException.ThrowIfNull(replace);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var current = await read(cancellationToken);
            var updated = change(current?.Value);
            if (updated is null || ReferenceEquals(updated, current?.Value))
            {
                return current?.Value;
            }

            try
            {
                if (current is null)
                {
                    await insert(updated, cancellationToken);
                }
                else
                {
                    await replace(updated, current.ETag, cancellationToken);
                }

                return updated;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                onConflict?.Invoke();
                await Task.Delay(Backoff(attempt), time, cancellationToken);
            }
        }
    }

    /// <summary>The wait after the given failed attempt: uniform in [0, 10 ms × 2^(attempt − 1)], the ceiling capped at 320 ms.</summary>
    public static TimeSpan Backoff(int attempt) =>
        BackoffStep * ((1 << Math.Min(attempt - 1, BackoffDoublings)) * Random.Shared.NextDouble());
}
