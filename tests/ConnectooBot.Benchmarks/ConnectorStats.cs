namespace ConnectooBot.Benchmarks;

/// <summary>What the benchmark connector saw so far (written to a file every second).</summary>
internal sealed record ConnectorStats(
    int Requests,
    int Delivered,
    int Throttled,
    int DistinctConversations,
    int Duplicates,
    double FirstDeliverySeconds,
    double LastDeliverySeconds);
