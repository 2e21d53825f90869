namespace ConnectooBot.Storage;

/// <summary>How storage failures are told apart without the callers seeing the Azure SDK's types.</summary>
public static class StorageFaults
{
    /// <summary>
    /// The storage service did not answer or failed on its side (the Azure SDK gives up with its retries' failures,
    /// aggregated): nothing was saved, so the work may be tried again later.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        Azure.RequestFailedException { Status: 0 or >= 500 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        _ => false,
    };

    /// <summary>Any failure reported by the storage service (reachable or not).</summary>
    public static bool IsStorageFailure(Exception exception) => exception is Azure.RequestFailedException;
}
