using ConnectooBot.Learning.Insights;

namespace ConnectooBot.Learning.Ports;

/// <summary>The latest programme snapshot per tenant, written by the rollup and read by the dashboard (one read per view).</summary>
public interface IInsightsStore
{
    Task<ProgrammeInsights?> FindAsync(string tenantId, CancellationToken cancellationToken);

    Task SaveAsync(ProgrammeInsights insights, CancellationToken cancellationToken);
}
