using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Web;

/// <summary>All of the host's log lines (EventIds 3000–3999). Never a message text, a name or an answer above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Error, "A {ActivityType} turn failed; the user was sent an apology")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string activityType);

    [LoggerMessage(3002, LogLevel.Warning, "Could not send the apology after a failed turn")]
    public static partial void ApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(3003, LogLevel.Information, "Teams says the conversation is gone ({Failure}, {ErrorCode}); it is marked inactive")]
    public static partial void ConversationGone(ILogger logger, ConnectorFailure failure, string errorCode);

    [LoggerMessage(3004, LogLevel.Information, "Loaded the interface content: {Languages} languages, {Templates} card templates, {Commands} commands")]
    public static partial void ContentLoaded(ILogger logger, int languages, int templates, int commands);

    [LoggerMessage(3010, LogLevel.Warning, "Could not check a team for badge sharing ({Failure}); the team is left out")]
    public static partial void TeamLookupFailed(ILogger logger, ConnectorFailure failure);

    [LoggerMessage(3011, LogLevel.Information, "Badge {BadgeId} posted in the learner's chat")]
    public static partial void BadgeCardPosted(ILogger logger, string badgeId);

    [LoggerMessage(3012, LogLevel.Information, "Badge {BadgeId} shared in a team channel")]
    public static partial void BadgeShared(ILogger logger, string badgeId);

    [LoggerMessage(3013, LogLevel.Warning, "Could not send a manager's progress table privately ({Failure})")]
    public static partial void PrivateSendFailed(ILogger logger, ConnectorFailure failure);

    [LoggerMessage(3014, LogLevel.Information, "A team progress CSV was downloaded ({Rows} rows)")]
    public static partial void ReportDownloaded(ILogger logger, int rows);

    [LoggerMessage(3015, LogLevel.Error, "A nudge scheduler pass failed; the next tick tries again")]
    public static partial void NudgeTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(3016, LogLevel.Information, "Posted the channel nudge of {Occurrence}")]
    public static partial void NudgePosted(ILogger logger, string occurrence);

    [LoggerMessage(3017, LogLevel.Warning, "The channel nudge of {Occurrence} could not be posted ({Failure})")]
    public static partial void NudgeFailed(ILogger logger, string occurrence, ConnectorFailure failure);

    [LoggerMessage(3018, LogLevel.Error, "A reminder pass failed; the next pass tries again")]
    public static partial void ReminderScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(3019, LogLevel.Information, "Sent a personal {Kind}")]
    public static partial void PersonalNudgeSent(ILogger logger, string kind);

    [LoggerMessage(3020, LogLevel.Warning, "A personal reminder could not be sent ({Failure})")]
    public static partial void PersonalNudgeFailed(ILogger logger, ConnectorFailure failure);

    [LoggerMessage(3021, LogLevel.Information, "A learner erased their data (badge kept: {BadgeKept})")]
    public static partial void PersonalDataErased(ILogger logger, bool badgeKept);

    [LoggerMessage(3022, LogLevel.Error, "The retention purge failed; the next pass tries again")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(3023, LogLevel.Information, "Retention: purged the data of {Count} inactive learner(s)")]
    public static partial void RetentionPurged(ILogger logger, int count);
}
