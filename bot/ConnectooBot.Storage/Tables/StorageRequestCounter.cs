using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Counts the requests sent to Azure Storage, by method and table (or queue), so tests (and benchmarks) can pin how
/// many storage round-trips a turn or a delivery costs. Added to the Azure SDK pipelines (tables and queues) as a
/// per-retry policy: a retried request counts again.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy, IStorageRequestCounts
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private long _tables;
    private long _queues;

    /// <summary>Since the process started (<see cref="Reset"/> does not change it).</summary>
    public StorageRequestTotals Totals => new(Interlocked.Read(ref _tables), Interlocked.Read(ref _queues));

    /// <summary>Table requests since <see cref="Reset"/>.</summary>
    public int Total => _counts.Values.Sum();

    /// <summary>Table requests since <see cref="Reset"/>: "GET Learners" → count (the table, without the key).</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var path = message.Request.Uri.Path.Trim('/');
        var segments = path.Split('/');
        var request = message.Request;
        var queue = Array.LastIndexOf(segments, "messages") > 0
            || request.Uri.Query.Contains("comp=", StringComparison.Ordinal)
            || (request.Method == RequestMethod.Put && !segments[^1].Contains('(', StringComparison.Ordinal));
        if (queue)
        {
            // Queues (messages, properties, creation): counted in Totals only; Total and Snapshot stay the tables'.
            Interlocked.Increment(ref _queues);
            return;
        }

        Interlocked.Increment(ref _tables);
        _counts.AddOrUpdate($"{message.Request.Method} {segments[^1].Split('(')[0]}", 1, (_, n) => n + 1);
    }
}
