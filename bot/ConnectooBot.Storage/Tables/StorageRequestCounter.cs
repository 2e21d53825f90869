using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Counts the requests sent to Azure Storage, by method and table, so tests (and benchmarks) can pin how many storage
/// round-trips a turn costs. Added to the Azure SDK pipeline as a per-retry policy: a retried request counts again.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Total => _counts.Values.Sum();

    /// <summary>"GET Learners" → count; the table name is the path's first segment without the prefix's account part.</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var path = message.Request.Uri.Path.Trim('/');
        var segments = path.Split('/');
        var resource = segments[^1];
        var table = resource.Split('(')[0];
        _counts.AddOrUpdate($"{message.Request.Method} {table}", 1, (_, n) => n + 1);
    }
}
