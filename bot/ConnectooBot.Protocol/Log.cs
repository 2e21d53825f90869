using Microsoft.Extensions.Logging;

namespace ConnectooBot.Protocol;

/// <summary>All of the protocol layer's log lines (EventIds 1000–1999). Never a token, a text or a name.</summary>
internal static partial class Log
{
    private static readonly Func<ILogger, string?, string?, string?, IDisposable?> Scope =
        LoggerMessage.DefineScope<string?, string?, string?>("Turn {ActivityType} {ActivityId} in {ConversationType}");

    public static IDisposable? TurnScope(ILogger logger, string? type, string? id, string? conversationType) =>
        Scope(logger, type, id, conversationType);

    [LoggerMessage(1001, LogLevel.Information, "Rejected an inbound request: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string reason);

    [LoggerMessage(1002, LogLevel.Information, "Rejected a malformed activity: {Reason}")]
    public static partial void MalformedActivity(ILogger logger, string reason);

    [LoggerMessage(1003, LogLevel.Information, "Rejected a request body over {Limit} bytes")]
    public static partial void BodyTooLarge(ILogger logger, int limit);

    [LoggerMessage(1004, LogLevel.Warning, "Rejected an activity from tenant {TenantId}, which is not on the allow-list")]
    public static partial void TenantRejected(ILogger logger, string tenantId);

    [LoggerMessage(1005, LogLevel.Information, "Activity {ActivityId} was delivered again; it was processed once")]
    public static partial void DuplicateActivity(ILogger logger, string activityId);

    [LoggerMessage(1101, LogLevel.Warning, "Inbound authentication is OFF because Bot:AppId is empty; this is for local development only")]
    public static partial void AuthenticationOff(ILogger logger);
}
