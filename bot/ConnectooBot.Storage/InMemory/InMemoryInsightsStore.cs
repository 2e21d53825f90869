using System.Collections.Concurrent;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.InMemory;

/// <summary>The latest programme snapshot per tenant, in memory (the last save wins). For fast tests and local experiments only.</summary>
public sealed class InMemoryInsightsStore : IInsightsStore
{
    private readonly ConcurrentDictionary<string, ProgrammeInsights> _snapshots = new(StringComparer.Ordinal);

    public Task<ProgrammeInsights?> FindAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_snapshots.GetValueOrDefault(tenantId));

    public Task SaveAsync(ProgrammeInsights insights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insights);
        _snapshots[insights.TenantId] = insights;
        return Task.CompletedTask;
    }
}
