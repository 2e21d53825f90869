using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Web.Nudges;

/// <summary>The nudges feature's log lines (EventIds 3000–3999 are the host's). Never a message text, a name or an answer above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(3015, LogLevel.Error, "A nudge scheduler pass failed; the next tick tries again")]
    public static partial void NudgeTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(3016, LogLevel.Information, "Posted the channel nudge of {Occurrence}")]
    public static partial void NudgePosted(ILogger logger, string occurrence);

    [LoggerMessage(3017, LogLevel.Warning, "The channel nudge of {Occurrence} could not be posted ({Failure})")]
    public static partial void NudgeFailed(ILogger logger, string occurrence, ConnectorFailure failure);

    [LoggerMessage(3060, LogLevel.Debug, "The channel nudge of {Occurrence} is being posted by {Owner} (lease until {Until})")]
    public static partial void NudgeLeasedElsewhere(ILogger logger, string occurrence, string owner, DateTimeOffset until);

    [LoggerMessage(3061, LogLevel.Warning, "The channel nudge of {Occurrence} was taken over: the instance that claimed it did not finish within its lease")]
    public static partial void NudgeTakenOver(ILogger logger, string occurrence);

    [LoggerMessage(3062, LogLevel.Warning, "The channel nudge of {Occurrence} was queued, but its lease had been taken over meanwhile (the delivery ledger sends it once)")]
    public static partial void NudgeLeaseLost(ILogger logger, string occurrence);
}
