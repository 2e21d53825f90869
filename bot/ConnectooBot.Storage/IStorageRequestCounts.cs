namespace ConnectooBot.Storage;

/// <summary>
/// How many requests this process has sent to Azure Storage so far (retries included), so logs and benchmarks can
/// say what a unit of work costs. Always registered by <c>AddStorage</c>; with the in-memory backend it stays at zero.
/// </summary>
public interface IStorageRequestCounts
{
    StorageRequestTotals Totals { get; }
}

/// <summary>Requests to Table Storage and to Queue Storage.</summary>
public readonly record struct StorageRequestTotals(long Tables, long Queues)
{
    public long All => Tables + Queues;

    public static StorageRequestTotals operator -(StorageRequestTotals left, StorageRequestTotals right) =>
        new(left.Tables - right.Tables, left.Queues - right.Queues);

    public StorageRequestTotals Subtract(StorageRequestTotals other) => this - other;
}
