using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Web.Hosting.Telemetry;

/// <summary>
/// Settings of the telemetry export (section <c>Telemetry</c>). Where it goes is not here: Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> (or <c>AzureMonitor:ConnectionString</c>) is set, OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is; with neither, nothing is exported.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// The lowest log level exported. Trace is refused: that is where the bot logs personal data (message texts,
    /// names, answers), which must never leave the process.
    /// </summary>
    [EnumDataType(typeof(LogLevel))]
    [Range((int)LogLevel.Debug, (int)LogLevel.None, ErrorMessage = "Telemetry:ExportedLogLevel must be Debug or above: Trace lines may carry personal data.")]
    public LogLevel ExportedLogLevel { get; set; } = LogLevel.Information;
}
