using System.Security.Claims;
using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Turns;

/// <summary>
/// One inbound activity being handled: the activity, who sent it (verified), and the ways to answer.
/// No service-locator bag: handlers get their services through DI.
/// </summary>
public sealed class TurnContext(Activity activity, ClaimsIdentity identity, IConnectorClient connector)
{
    private readonly List<string> _sentActivityIds = [];

    public Activity Activity { get; } = activity;

    public ClaimsIdentity Identity { get; } = identity;

    public IConnectorClient Connector { get; } = connector;

    /// <summary>Set by a handler of an invoke; returned as the HTTP response. Null on an invoke means 501.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>
    /// Set when the turn failed for a passing reason (storage unreachable): the endpoint answers 503 and forgets the
    /// activity id, so Teams' retry of the same activity is processed rather than treated as a duplicate.
    /// </summary>
    public bool RetryRequested { get; set; }

    /// <summary>Ids of the messages this turn sent, in order.</summary>
    public IReadOnlyList<string> SentActivityIds => _sentActivityIds;

    public bool IsInvoke => ActivityTypes.Is(Activity.Type, ActivityTypes.Invoke);

    /// <summary>Sends a message into the conversation this activity came from (a channel thread stays in its thread).</summary>
    public async Task<ResourceResponse> SendAsync(Activity message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reply = Activity.CreateReply();
        message.Type ??= ActivityTypes.Message;
        message.From ??= reply.From;
        message.Recipient ??= reply.Recipient;
        message.Conversation ??= reply.Conversation;
        var response = await Connector.SendToConversationAsync(
            Activity.ServiceUrl!, Activity.Conversation!.Id!, message, cancellationToken).ConfigureAwait(false);
        if (response.Id is { Length: > 0 } id)
        {
            _sentActivityIds.Add(id);
        }

        return response;
    }

    /// <summary>Sends an Adaptive Card as a new message.</summary>
    public Task<ResourceResponse> SendCardAsync(JsonObject card, CancellationToken cancellationToken) =>
        SendAsync(CardMessage(card), cancellationToken);

    /// <summary>
    /// Shows <paramref name="card"/> in place of the card that was clicked: as the invoke response for
    /// Action.Execute, as a PUT update of the clicked message for an Action.Submit, or as a new message otherwise.
    /// </summary>
    public async Task ReplaceCardAsync(JsonObject card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (IsInvoke)
        {
            InvokeResponse = InvokeResponses.Card(card);
            return;
        }

        if (Activity.Value is not null && !string.IsNullOrEmpty(Activity.ReplyToId))
        {
            var update = CardMessage(card);
            update.Id = Activity.ReplyToId;
            try
            {
                await Connector.UpdateActivityAsync(
                    Activity.ServiceUrl!, Activity.Conversation!.Id!, Activity.ReplyToId, update, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConnectorException ex) when (ex.Failure is ConnectorFailure.NotFound or ConnectorFailure.BadRequest)
            {
                // The clicked message is gone or cannot be updated: fall through and send a new one.
            }
        }

        await SendCardAsync(card, cancellationToken).ConfigureAwait(false);
    }

    private static Activity CardMessage(JsonObject card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [Attachment.AdaptiveCard(card)],
    };
}
