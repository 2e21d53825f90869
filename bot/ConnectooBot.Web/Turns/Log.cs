using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Web.Turns;

/// <summary>The turns feature's log lines (EventIds 3000–3999 are the host's). Never a message text, a name or an answer above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Error, "A {ActivityType} turn failed; the user was sent an apology")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string activityType);

    [LoggerMessage(3002, LogLevel.Warning, "Could not send the apology after a failed turn")]
    public static partial void ApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(3008, LogLevel.Warning, "A failed turn had no time left for an apology (its deadline passed); none was sent")]
    public static partial void NoTimeForApology(ILogger logger);

    [LoggerMessage(3003, LogLevel.Information, "Teams says the conversation is gone ({Failure}, {ErrorCode}); it is marked inactive")]
    public static partial void ConversationGone(ILogger logger, ConnectorFailure failure, string errorCode);

    [LoggerMessage(3005, LogLevel.Warning, "Teams refused this conversation's serviceUrl as the wrong cloud ({ErrorCode}); the conversation is marked inactive and nothing more is sent there until it comes back on another serviceUrl")]
    public static partial void WrongServiceHost(ILogger logger, string errorCode);

    [LoggerMessage(3006, LogLevel.Debug, "Teams refused this conversation's serviceUrl again (InvalidBotApiHost); already marked")]
    public static partial void WrongServiceHostAgain(ILogger logger);

    [LoggerMessage(3004, LogLevel.Information, "Loaded the interface content: {Languages} languages, {Templates} card templates, {Commands} commands")]
    public static partial void ContentLoaded(ILogger logger, int languages, int templates, int commands);

    [LoggerMessage(3013, LogLevel.Warning, "Could not send a manager's progress table privately ({Failure})")]
    public static partial void PrivateSendFailed(ILogger logger, ConnectorFailure failure);
}
