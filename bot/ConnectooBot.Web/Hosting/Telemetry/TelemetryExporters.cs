namespace ConnectooBot.Web.Hosting.Telemetry;

/// <summary>Where telemetry goes, read from the configuration the platform sets (App Service app settings, OTel variables).</summary>
public sealed record TelemetryExporters(string? AzureMonitorConnectionString, Uri? OtlpEndpoint)
{
    /// <summary>Set by App Service when Application Insights is attached (the Bicep template sets it).</summary>
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AzureMonitorKey = "AzureMonitor:ConnectionString";
    public const string OtlpVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public bool Any => AzureMonitorConnectionString is not null || OtlpEndpoint is not null;

    public static TelemetryExporters From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var azureMonitor = NonEmpty(configuration[AzureMonitorKey]) ?? NonEmpty(configuration[AzureMonitorVariable]);
        var otlp = Uri.TryCreate(NonEmpty(configuration[OtlpVariable]), UriKind.Absolute, out var endpoint) ? endpoint : null;
        return new TelemetryExporters(azureMonitor, otlp);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
