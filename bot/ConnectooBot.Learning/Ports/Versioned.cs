namespace ConnectooBot.Learning.Ports;

/// <summary>A stored value with the opaque ETag it was read with.</summary>
public sealed record Versioned<T>(T Value, string ETag)
{
    /// <summary>
    /// Served from this process's memory, not read from storage just now: it may be behind the stored value. A write with
    /// its ETag fails with <see cref="ConcurrencyConflictException"/> if so; a decision made without writing must read
    /// again first (<see cref="ILearnerStore.FindForUpdateAsync"/>).
    /// </summary>
    public bool FromCache { get; init; }

    /// <summary>
    /// The activity claims the stored row holds (learners: <see cref="ILearnerStore"/>; none for other records). The
    /// next write of the row replaces them with what it is given.
    /// </summary>
    public Turns.RecentClaims Claims { get; init; } = Turns.RecentClaims.None;
}

/// <summary>The stored value changed since it was read (or already exists, on insert).</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
