using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Web.Reminders;

/// <summary>The reminders feature's log lines (EventIds 3000–3999 are the host's). Never a message text, a name or an answer above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(3018, LogLevel.Error, "A reminder pass failed; the next pass tries again")]
    public static partial void ReminderScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(3019, LogLevel.Information, "Sent a personal {Kind}")]
    public static partial void PersonalNudgeSent(ILogger logger, string kind);

    [LoggerMessage(3020, LogLevel.Warning, "A personal reminder could not be sent ({Failure})")]
    public static partial void PersonalNudgeFailed(ILogger logger, ConnectorFailure failure);
}
