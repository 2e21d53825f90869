using ConnectooBot.Web.Hosting.Telemetry;

namespace ConnectooBot.Web.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>The host itself: health checks, telemetry (traces, metrics, logs; turn metrics and the turn span), graceful shutdown.</summary>
    public static IServiceCollection AddHosting(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHealthChecks();
        services.AddTelemetry(configuration, environment);
        services.AddGracefulShutdown(configuration);
        return services;
    }
}
