using System.Collections.Concurrent;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Web.Tests.Admin;

/// <summary>An in-memory snapshot store that counts its reads: a page view must cost exactly one.</summary>
internal sealed class CountingInsightsStore : IInsightsStore
{
    private readonly ConcurrentDictionary<string, ProgrammeInsights> _snapshots = new(StringComparer.Ordinal);
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Task<ProgrammeInsights?> FindAsync(string tenantId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_snapshots.TryGetValue(tenantId, out var found) ? found : null);
    }

    public Task SaveAsync(ProgrammeInsights insights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insights);
        _snapshots[insights.TenantId] = insights;
        return Task.CompletedTask;
    }
}
