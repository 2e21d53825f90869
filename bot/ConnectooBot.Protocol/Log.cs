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

    [LoggerMessage(1006, LogLevel.Debug, "The caller went away before the request body was complete")]
    public static partial void BodyIncomplete(ILogger logger, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "Rejected an activity from tenant {TenantId}, which is not on the allow-list")]
    public static partial void TenantRejected(ILogger logger, string tenantId);

    [LoggerMessage(1007, LogLevel.Warning, "Rejected an activity from channel {ChannelId}, which this bot does not serve")]
    public static partial void ChannelNotServed(ILogger logger, string channelId);

    [LoggerMessage(1008, LogLevel.Warning, "Rejected an activity whose serviceUrl host {Host} is not on the connector allow-list; nothing was stored")]
    public static partial void ServiceUrlRejected(ILogger logger, string host);

    [LoggerMessage(1005, LogLevel.Information, "Activity {ActivityId} was delivered again; it was processed once")]
    public static partial void DuplicateActivity(ILogger logger, string activityId);

    [LoggerMessage(1101, LogLevel.Warning, "Inbound authentication is OFF because Bot:AppId is empty; this is for local development only")]
    public static partial void AuthenticationOff(ILogger logger);

    // Connector client (1200–1299): status, error code, host and attempt; never a token or a message body.
    [LoggerMessage(1200, LogLevel.Warning, "Connector {Method} to {Host} failed with {StatusCode} {ErrorCode}: {Failure}")]
    public static partial void ConnectorCallFailed(ILogger logger, string method, string? host, int statusCode, string? errorCode, Connector.ConnectorFailure failure);

    /// <summary>404: the member, activity or conversation is not there. An answer the caller acts on (not in that team,
    /// uninstalled), not a fault of the bot's, so not a warning.</summary>
    [LoggerMessage(1208, LogLevel.Information, "Connector {Method} to {Host} answered {StatusCode} {ErrorCode}: {Failure}")]
    public static partial void ConnectorAnsweredNotFound(ILogger logger, string method, string? host, int statusCode, string? errorCode, Connector.ConnectorFailure failure);

    [LoggerMessage(1201, LogLevel.Information, "Connector call to {Host} is retried after {StatusCode}{Exception} (retry {Attempt}, waiting {Delay})")]
    public static partial void ConnectorRetrying(ILogger logger, string? host, int? statusCode, string? exception, int attempt, TimeSpan delay);

    [LoggerMessage(1202, LogLevel.Warning, "Refused a connector call to {Host}: not on the service host allow-list; nothing was sent")]
    public static partial void ConnectorHostRejected(ILogger logger, string? host);

    [LoggerMessage(1203, LogLevel.Information, "Connector at {Host} asked to wait {RetryAfter}, more than {MaxRetryDelay}: not retried, the caller re-schedules")]
    public static partial void ConnectorRetryAfterTooLong(ILogger logger, string? host, TimeSpan retryAfter, TimeSpan maxRetryDelay);

    [LoggerMessage(1204, LogLevel.Debug, "Acquired a connector token ({AppType}) from {TokenSource}, expiring {ExpiresOn}")]
    public static partial void ConnectorTokenAcquired(ILogger logger, Connector.BotAppType appType, Microsoft.Identity.Client.TokenSource tokenSource, DateTimeOffset expiresOn);

    [LoggerMessage(1205, LogLevel.Error, "Could not acquire a connector token ({AppType}): {ErrorCode}")]
    public static partial void ConnectorTokenFailed(ILogger logger, Connector.BotAppType appType, string errorCode, Exception exception);

    [LoggerMessage(1206, LogLevel.Warning, "Connector {Method} to {Host} got no response: {Failure}")]
    public static partial void ConnectorUnreachable(ILogger logger, string method, string? host, Connector.ConnectorFailure failure, Exception exception);

    [LoggerMessage(1207, LogLevel.Warning, "A {ActivityType} turn failed for a passing reason; answered 503 so Teams retries it")]
    public static partial void TurnToBeRetried(ILogger logger, string activityType);
}
