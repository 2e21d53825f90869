namespace ConnectooBot.Learning.Delivery;

/// <summary>
/// One message for one recipient of a delivery run, as a producer hands it to the pipeline.
/// </summary>
/// <param name="RunId">The run it belongs to (see <see cref="DeliveryRun"/>); with <paramref name="RecipientKey"/>, the idempotency key.</param>
/// <param name="RecipientKey">Stable id of the recipient within the run (a conversation id or an Entra object id).</param>
/// <param name="TenantId">The recipient's tenant: the rate limit and the 429 pause apply per tenant.</param>
/// <param name="ServiceUrl">Where the conversation lives (from the stored conversation reference).</param>
/// <param name="ConversationId">The conversation to post in.</param>
/// <param name="Kind">What it is, one of <see cref="DeliveryKinds"/>: for metrics and operators only.</param>
/// <param name="Payload">The outgoing Activity serialized as JSON (ProtocolJsonContext); opaque to the pipeline.</param>
/// <param name="CreatedAt">When the producer made it.</param>
public sealed record DeliveryItem(
    string RunId,
    string RecipientKey,
    string TenantId,
    string ServiceUrl,
    string ConversationId,
    string Kind,
    string Payload,
    DateTimeOffset CreatedAt);
