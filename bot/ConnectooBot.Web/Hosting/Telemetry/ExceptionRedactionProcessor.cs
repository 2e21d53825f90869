using OpenTelemetry;
using OpenTelemetry.Logs;

namespace ConnectooBot.Web.Hosting.Telemetry;

/// <summary>Runs before the exporters: swaps a log record's exception for its <see cref="RedactedException"/>.</summary>
internal sealed class ExceptionRedactionProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Exception is { } exception)
        {
            data.Exception = RedactedException.From(exception);
        }
    }
}
