using ConnectooBot.Learning.Ports;
using System.Reflection;
using Azure.Monitor.OpenTelemetry.Exporter;
using ConnectooBot.Web.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ConnectooBot.Web.Hosting.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Every meter whose name starts with "ConnectooBot" (the bot's, the delivery worker's "ConnectooBot.Delivery"…).</summary>
    public const string MeterWildcard = BotMetrics.MeterName + "*";

    /// <summary>
    /// OpenTelemetry traces, metrics and logs, exported to Azure Monitor and/or OTLP when configured (see
    /// <see cref="TelemetryExporters"/>); with no destination configured, nothing is set up and nothing leaves the
    /// process. Logs go out from <see cref="TelemetryOptions.ExportedLogLevel"/> up (Information by default), without
    /// scopes and without the formatted message: only the template and its arguments, which the bot keeps free of
    /// personal data above Trace; exceptions lose their messages (<see cref="RedactedException"/>). HTTP spans carry
    /// redacted paths (<see cref="UrlRedaction"/>).
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<IConflictObserver>(sp => sp.GetRequiredService<BotMetrics>());
        services.AddSingleton<TurnTelemetryMiddleware>();
        services.AddOptions<TelemetryOptions>()
            .Bind(configuration.GetSection(TelemetryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var exporters = TelemetryExporters.From(configuration);
        if (!exporters.Any)
        {
            return services;
        }

        var settings = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddLogging(logging => logging.AddFilter<OpenTelemetryLoggerProvider>(null, settings.ExportedLogLevel));
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(BotMetrics.MeterName, serviceVersion: Version(), autoGenerateServiceInstanceId: true)
                .AddAttributes([new("deployment.environment.name", environment.EnvironmentName)]))
            .WithTracing(tracing => tracing
                .AddSource(BotTracing.SourceName)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.Filter = http => !HealthPaths.IsProbe(http.Request.Path);
                    aspNetCore.EnrichWithHttpRequest = (span, request) => span.SetTag("url.path", UrlRedaction.Path(request.Path));
                })
                .AddHttpClientInstrumentation(http =>
                    http.EnrichWithHttpRequestMessage = (span, request) => span.SetTag("url.full", UrlRedaction.Full(request.RequestUri))))
            .WithMetrics(metrics => metrics
                .AddMeter(MeterWildcard)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(logging => logging.AddProcessor(new ExceptionRedactionProcessor())); // before any exporter

        if (exporters.AzureMonitorConnectionString is { } connectionString)
        {
            telemetry.UseAzureMonitorExporter(azureMonitor => azureMonitor.ConnectionString = connectionString);
        }

        if (exporters.OtlpEndpoint is not null)
        {
            telemetry.UseOtlpExporter(); // reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS itself
        }

        // After the exporters: the Azure Monitor one turns formatted messages on. Only templates and arguments go out.
        services.PostConfigure<OpenTelemetryLoggerOptions>(logs =>
        {
            logs.IncludeScopes = false;
            logs.IncludeFormattedMessage = false;
        });
        return services;
    }

    private static string? Version() =>
        typeof(TelemetryServiceCollectionExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}
