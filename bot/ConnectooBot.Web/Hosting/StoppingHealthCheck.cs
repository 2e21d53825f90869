using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectooBot.Web.Hosting;

/// <summary>
/// Readiness turns unhealthy as soon as the host starts stopping, so the load balancer sends no new work to an
/// instance that is draining.
/// </summary>
internal sealed class StoppingHealthCheck(ShutdownSignal shutdown) : IHealthCheck
{
    public const string Name = "not-stopping";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(shutdown.IsStopping
            ? HealthCheckResult.Unhealthy("The host is stopping.")
            : HealthCheckResult.Healthy());
}
