using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Web.Privacy;

/// <summary>The privacy feature's log lines (EventIds 3000–3999 are the host's). Never a message text, a name or an answer above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(3021, LogLevel.Information, "A learner erased their data (badge kept: {BadgeKept})")]
    public static partial void PersonalDataErased(ILogger logger, bool badgeKept);

    [LoggerMessage(3022, LogLevel.Error, "The retention purge failed; the next pass tries again")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(3023, LogLevel.Information, "Retention: purged the data of {Count} inactive learner(s)")]
    public static partial void RetentionPurged(ILogger logger, int count);

    [LoggerMessage(3030, LogLevel.Information, "Retention: deleted {Count} activity claim(s) past their period")]
    public static partial void ActivityClaimsPurged(ILogger logger, int count);
}
