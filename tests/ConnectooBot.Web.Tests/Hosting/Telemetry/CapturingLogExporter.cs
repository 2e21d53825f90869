using System.Collections.Concurrent;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

/// <summary>Keeps what an exporter would have sent of each log record.</summary>
internal sealed class CapturingLogExporter : BaseExporter<LogRecord>
{
    public ConcurrentQueue<ExportedLog> Logs { get; } = new();

    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        foreach (var record in batch)
        {
            Logs.Enqueue(new ExportedLog(record.CategoryName, record.Body, record.FormattedMessage, record.Exception));
        }

        return ExportResult.Success;
    }

    public sealed record ExportedLog(string? Category, string? Body, string? FormattedMessage, Exception? Exception);
}
