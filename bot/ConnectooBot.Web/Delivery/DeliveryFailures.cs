using ConnectooBot.Learning.Delivery;
using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Web.Delivery;

/// <summary>Maps the connector's typed failures (teams-protocol.md §5.2–5.3) to the pipeline's handling and ledger reasons.</summary>
internal static class DeliveryFailures
{
    public static DeliveryFailureKind Classify(ConnectorFailure failure) => failure switch
    {
        ConnectorFailure.Throttled => DeliveryFailureKind.Throttled,
        _ when failure.MeansConversationGone() || failure.MeansWrongServiceHost() => DeliveryFailureKind.ConversationGone,
        ConnectorFailure.ServiceError or ConnectorFailure.Timeout or ConnectorFailure.PreconditionFailed
            or ConnectorFailure.Unauthorized or ConnectorFailure.Unknown => DeliveryFailureKind.Transient,
        _ => DeliveryFailureKind.Permanent,
    };

    public static string Reason(ConnectorFailure failure) => failure switch
    {
        ConnectorFailure.BlockedByUser => DeliveryReasons.Blocked,
        ConnectorFailure.NotInstalled => DeliveryReasons.NotInstalled,
        ConnectorFailure.BotDisabledByAdmin => DeliveryReasons.DisabledByAdmin,
        ConnectorFailure.NotFound => DeliveryReasons.NotFound,
        ConnectorFailure.BadRequest => DeliveryReasons.BadRequest,
        ConnectorFailure.TooBig => DeliveryReasons.TooBig,
        ConnectorFailure.Forbidden => DeliveryReasons.Forbidden,
        ConnectorFailure.HostNotAllowed => DeliveryReasons.HostNotAllowed,
        ConnectorFailure.InvalidBotApiHost => DeliveryReasons.InvalidBotApiHost,
        ConnectorFailure.ServiceError => "service-error",
        ConnectorFailure.Timeout => "timeout",
        ConnectorFailure.PreconditionFailed => "precondition-failed",
        ConnectorFailure.Unauthorized => "unauthorized",
        ConnectorFailure.Throttled => "throttled",
        _ => "unknown",
    };
}
