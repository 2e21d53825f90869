namespace ConnectooBot.Protocol.Connector;

/// <summary>What a failed connector call means for the caller (teams-protocol.md §5.3).</summary>
public enum ConnectorFailure
{
    Unknown = 0,
    BadRequest,
    Unauthorized,
    /// <summary>403 ConversationBlockedByUser or MessageWritesBlocked: stop sending, mark inactive.</summary>
    BlockedByUser,
    /// <summary>403 BotNotInConversationRoster / ForbiddenOperationException: the app is not installed there.</summary>
    NotInstalled,
    BotDisabledByAdmin,
    Forbidden,
    /// <summary>404 ConversationNotFound / ActivityNotFoundInConversation / MemberNotFoundInConversation.</summary>
    NotFound,
    PreconditionFailed,
    TooBig,
    Throttled,
    ServiceError,
    /// <summary>The serviceUrl host is not on the allow-list; no request was sent.</summary>
    HostNotAllowed,
    Timeout,
    /// <summary>
    /// 403 InvalidBotApiHost: the conversation's tenant lives in another cloud (GCC) and this serviceUrl is not its
    /// host. Every send there fails the same way until Teams gives the conversation another serviceUrl: don't retry.
    /// </summary>
    InvalidBotApiHost,
}

public static class ConnectorFailureExtensions
{
    /// <summary>Failures after which the conversation should be marked inactive and not retried.</summary>
    public static bool MeansConversationGone(this ConnectorFailure failure) =>
        failure is ConnectorFailure.BlockedByUser or ConnectorFailure.NotInstalled
            or ConnectorFailure.BotDisabledByAdmin or ConnectorFailure.NotFound;

    /// <summary>The conversation cannot be reached from this serviceUrl: mark it, warn once, and send there no more.</summary>
    public static bool MeansWrongServiceHost(this ConnectorFailure failure) => failure == ConnectorFailure.InvalidBotApiHost;
}
