using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ConnectooBot.Web.Hosting;

public static class HealthEndpointExtensions
{
    /// <summary><c>/healthz</c>: the process answers (liveness). <c>/readyz</c>: checks tagged "ready", storage among them.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return endpoints;
    }
}
