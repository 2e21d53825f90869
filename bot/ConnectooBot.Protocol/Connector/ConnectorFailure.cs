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
}

public static class ConnectorFailureExtensions
{
    /// <summary>Failures after which the conversation should be marked inactive and not retried.</summary>
    public static bool MeansConversationGone(this ConnectorFailure failure) =>
        failure is ConnectorFailure.BlockedByUser or ConnectorFailure.NotInstalled
            or ConnectorFailure.BotDisabledByAdmin or ConnectorFailure.NotFound;
}
