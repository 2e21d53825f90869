using Microsoft.Extensions.Logging;

namespace ConnectooBot.Protocol;

/// <summary>The shared activity claims' log lines (1050–1059).</summary>
internal static partial class Log
{
    [LoggerMessage(1050, LogLevel.Information, "Activity {ActivityId} is being processed by another instance; answered 503 so Teams retries it")]
    public static partial void ClaimedElsewhere(ILogger logger, string? activityId);

    [LoggerMessage(1051, LogLevel.Warning, "Could not release the claim of a failed turn; it expires with its lease")]
    public static partial void ClaimReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(1052, LogLevel.Warning, "Could not mark the claim of a finished turn done; it expires with its lease")]
    public static partial void ClaimCompletionFailed(ILogger logger, Exception exception);
}
