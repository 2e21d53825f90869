namespace ConnectooBot.Learning.Ports;

/// <summary>A stored value with the opaque ETag it was read with.</summary>
public sealed record Versioned<T>(T Value, string ETag);

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
