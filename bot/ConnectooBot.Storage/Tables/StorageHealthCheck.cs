using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectooBot.Storage.Tables;

/// <summary>Readiness: one cheap point read (of a row that never exists) answers within a short timeout.</summary>
internal sealed class StorageHealthCheck(TableServiceClient service, TableNames names) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await service.GetTableClient(names.Learners).GetEntityIfExistsAsync<TableEntity>("health", "probe", cancellationToken: timeout.Token);
            return HealthCheckResult.Healthy("Table Storage answers.");
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
        {
            return HealthCheckResult.Unhealthy("Table Storage does not answer.", ex);
        }
    }
}
