using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ConnectooBot.Web.Hosting.Telemetry;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

public sealed class ExporterRegistrationTests
{
    private const string ConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/";

    [Fact]
    public void AddTelemetry_WithoutDestination_RegistersNoProviderAndNoExporter()
    {
        var services = Telemetry([]);

        using var provider = services.BuildServiceProvider();
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
        Assert.Empty(AzureMonitorRegistrations(services));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(OpenTelemetryLoggerProvider));
    }

    [Theory]
    [InlineData(TelemetryExporters.AzureMonitorVariable)]
    [InlineData(TelemetryExporters.AzureMonitorKey)]
    public void AddTelemetry_WithConnectionString_RegistersTheAzureMonitorExporter(string setting)
    {
        var services = Telemetry(new() { [setting] = ConnectionString });

        Assert.NotEmpty(AzureMonitorRegistrations(services));
        Assert.Contains(services, d => d.ServiceType == typeof(TracerProvider));
        Assert.Contains(services, d => d.ServiceType == typeof(MeterProvider));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>();
        Assert.Contains(ConnectionString, new[] { options.CurrentValue.ConnectionString }.Concat(Signals.Select(s => options.Get(s).ConnectionString)));
    }

    [Fact]
    public void AddTelemetry_WithOtlpEndpointOnly_RegistersProvidersButNoAzureMonitorExporter()
    {
        var services = Telemetry(new() { [TelemetryExporters.OtlpVariable] = "http://127.0.0.1:4317" });

        Assert.Contains(services, d => d.ServiceType == typeof(TracerProvider));
        Assert.Empty(AzureMonitorRegistrations(services));
    }

    [Fact]
    public void AddTelemetry_WithConnectionString_ExportsLogsFromInformationWithoutScopesOrFormattedMessages()
    {
        using var provider = Telemetry(new() { [TelemetryExporters.AzureMonitorVariable] = ConnectionString }).BuildServiceProvider();

        var rule = Assert.Single(
            provider.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules,
            r => r.ProviderName == typeof(OpenTelemetryLoggerProvider).FullName);
        Assert.Equal(LogLevel.Information, rule.LogLevel);
        Assert.Null(rule.CategoryName);
        var logs = provider.GetRequiredService<IOptions<OpenTelemetryLoggerOptions>>().Value;
        Assert.False(logs.IncludeScopes);
        Assert.False(logs.IncludeFormattedMessage);
    }

    [Fact]
    public void AddTelemetry_TraceLevelExport_FailsValidation()
    {
        using var provider = Telemetry(new()
        {
            [TelemetryExporters.AzureMonitorVariable] = ConnectionString,
            ["Telemetry:ExportedLogLevel"] = "Trace",
        }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelemetryOptions>>().Value);
        Assert.Contains("Trace", error.Message, StringComparison.Ordinal);
    }

    private static readonly string[] Signals = ["AzureMonitorTraceExporter", "AzureMonitorMetricExporter", "AzureMonitorLogExporter"];

    private static ServiceCollection Telemetry(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddTelemetry(configuration, new TestEnvironment());
        return services;
    }

    private static List<ServiceDescriptor> AzureMonitorRegistrations(IServiceCollection services)
    {
        var exporter = typeof(AzureMonitorExporterOptions).Assembly;
        return [.. services.Where(d =>
            d.ServiceType.Assembly == exporter
            || (!d.IsKeyedService && (d.ImplementationType?.Assembly == exporter
                || d.ImplementationInstance?.GetType().Assembly == exporter
                || d.ImplementationFactory?.Method.DeclaringType?.Assembly == exporter)))];
    }
}
