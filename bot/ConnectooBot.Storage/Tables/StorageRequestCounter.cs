using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Counts the requests sent to Azure Storage, by method and table, so tests (and benchmarks) can pin how many storage
/// round-trips a turn costs, and the requests storage refused (<see cref="Rejected"/>). Added to the Azure SDK pipeline
/// as a per-retry policy: a retried request counts again.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _rejected = new(StringComparer.Ordinal);

    public int Total => _counts.Values.Sum();

    /// <summary>"GET Learners" → count; the table name is the path's first segment without the prefix's account part.</summary>
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
