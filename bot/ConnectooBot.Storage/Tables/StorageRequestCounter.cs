using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Counts the requests sent to Azure Storage, by method and table (or queue), so tests (and benchmarks) can pin how
/// many storage round-trips a turn or a delivery costs, and the requests storage refused (<see cref="Rejected"/>).
/// Added to the Azure SDK pipelines (tables and queues) as a per-retry policy: a retried request counts again.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy, IStorageRequestCounts
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _rejected = new(StringComparer.Ordinal);
    private long _tables;
    private long _queues;

    /// <summary>Since the process started (<see cref="Reset"/> does not change it).</summary>
    public StorageRequestTotals Totals => new(Interlocked.Read(ref _tables), Interlocked.Read(ref _queues));

    /// <summary>Table requests since <see cref="Reset"/>.</summary>
    public int Total => _counts.Values.Sum();

    /// <summary>Table requests since <see cref="Reset"/>: "GET Learners" → count (the table, without the key).</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    /// <summary>
    /// "400 PUT Learners" → count: answers that say the request itself was wrong (4xx other than the 404, 409 and 412
    /// that are ordinary answers: not found, already exists, ETag changed) or that storage failed (5xx).
    /// </summary>
    public IReadOnlyDictionary<string, int> Rejected() => new Dictionary<string, int>(_rejected, StringComparer.Ordinal);

    public void Reset()
    {
        _counts.Clear();
        _rejected.Clear();
    }

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
        _counts.AddOrUpdate($"{message.Request.Method} {TableOf(message)}", 1, (_, n) => n + 1);
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var status = message.Response.Status;
        if (status >= 500 || (status >= 400 && status is not (404 or 409 or 412)))
        {
            _rejected.AddOrUpdate($"{status} {message.Request.Method} {TableOf(message)}", 1, (_, n) => n + 1);
        }
    }

    private static string TableOf(HttpMessage message)
    {
        var segments = message.Request.Uri.Path.Trim('/').Split('/');
        return segments[^1].Split('(')[0];
    }
}
