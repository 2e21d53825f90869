using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Web.Managers;

/// <summary>The managers feature's log lines (EventIds 3000–3999 are the host's). Never a message text, a name or an answer above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(3014, LogLevel.Information, "A team progress CSV was downloaded ({Rows} rows)")]
    public static partial void ReportDownloaded(ILogger logger, int rows);

    [LoggerMessage(3024, LogLevel.Warning, "Could not read a team's roster to find a member ({Failure})")]
    public static partial void TeamLookupFailed(ILogger logger, ConnectorFailure failure);
}
