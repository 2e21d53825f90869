using ConnectooBot.Protocol.Connector;
namespace ConnectooBot.Web.Badges;

/// <summary>The badge log lines (EventIds 3400–3449). Never a learner's name, a credential or a key.</summary>
internal static partial class Log
{
    [LoggerMessage(3400, LogLevel.Warning, "Generated a development badge signing key at {Path}; configure Badges:SigningKeyPem outside Development")]
    public static partial void DevelopmentBadgeKeyCreated(ILogger logger, string path);

    [LoggerMessage(3401, LogLevel.Information, "Badges are signed with the development key at {Path} (thumbprint {Thumbprint})")]
    public static partial void DevelopmentBadgeKeyUsed(ILogger logger, string path, string thumbprint);

    [LoggerMessage(3402, LogLevel.Information, "Issued badge {BadgeId} (status index {StatusIndex})")]
    public static partial void BadgeIssued(ILogger logger, string badgeId, int statusIndex);

    [LoggerMessage(3403, LogLevel.Information, "The learner already holds badge {BadgeId}; it is returned instead of a new one")]
    public static partial void BadgeAlreadyIssued(ILogger logger, string badgeId);

    [LoggerMessage(3404, LogLevel.Warning, "Status index {StatusIndex} was taken; signing badge {BadgeId} again with another")]
    public static partial void BadgeStatusIndexTaken(ILogger logger, int statusIndex, string badgeId);

    [LoggerMessage(3405, LogLevel.Warning, "Badge {BadgeId} does not verify: {Code}")]
    public static partial void BadgeDoesNotVerify(ILogger logger, string badgeId, string code);

    [LoggerMessage(3010, LogLevel.Warning, "Could not check a team for badge sharing ({Failure}); the team is left out")]
    public static partial void TeamLookupFailed(ILogger logger, ConnectorFailure failure);

    [LoggerMessage(3011, LogLevel.Information, "Badge {BadgeId} posted in the learner's chat")]
    public static partial void BadgeCardPosted(ILogger logger, string badgeId);

    [LoggerMessage(3012, LogLevel.Information, "Badge {BadgeId} shared in a team channel")]
    public static partial void BadgeShared(ILogger logger, string badgeId);
}
