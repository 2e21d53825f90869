namespace ConnectooBot.Web.Delivery;

/// <summary>What a failed send means for the pipeline.</summary>
internal enum DeliveryFailureKind
{
    /// <summary>5xx, timeouts, 412, network: retry with backoff up to the attempt limit.</summary>
    Transient,

    /// <summary>429: pause the tenant until Retry-After, return the message (not counted as an attempt).</summary>
    Throttled,

    /// <summary>Blocked, uninstalled, disabled, not found, wrong cloud (InvalidBotApiHost): record, mark the conversation inactive, never retry.</summary>
    ConversationGone,

    /// <summary>The request itself is wrong (400, 413, other 403s): record, never retry.</summary>
    Permanent,
}
