using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Hosting;

public static class ShutdownServiceCollectionExtensions
{
    /// <summary>
    /// Graceful shutdown: <see cref="HostOptions.ShutdownTimeout"/> from <c>Hosting:ShutdownTimeout</c>, requests in
    /// flight counted and waited for when stopping begins, readiness (<c>/readyz</c>) unhealthy from that moment.
    /// </summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.AddOptions<ShutdownOptions>()
            .Bind(configuration.GetSection(ShutdownOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();
        services.AddOptions<HostOptions>()
            .Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.ShutdownTimeout);
        services.AddSingleton<InFlightRequests>();
        services.AddSingleton<ShutdownSignal>();
        services.AddTransient<IStartupFilter, InFlightRequestStartupFilter>();
        services.AddHostedService<GracefulShutdown>();
        services.AddHealthChecks().AddCheck<StoppingHealthCheck>(StoppingHealthCheck.Name, tags: ["ready"]);
        return services;
    }
}
