using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Turns;

/// <summary>Sends a card to the sender's personal chat with the bot (Teams returns the existing chat, or opens one).</summary>
internal sealed class PrivateMessenger(ILogger<PrivateMessenger> logger)
{
    /// <returns>False when Teams refused (the bot is not installed for the user, or the user blocked it).</returns>
    public async Task<bool> SendAsync(TurnContext turn, JsonObject card, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        try
        {
            var chat = await turn.Connector.CreateConversationAsync(activity.ServiceUrl!, new ConversationParameters
            {
                IsGroup = false,
                Bot = new ChannelAccount { Id = activity.Recipient?.Id },
                Members = [new ChannelAccount { Id = activity.From!.Id }],
                TenantId = activity.TenantId,
                ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = activity.TenantId } },
            }, cancellationToken);
            var message = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };
            await turn.Connector.SendToConversationAsync(activity.ServiceUrl!, chat.Id!, message, cancellationToken);
            return true;
        }
        catch (ConnectorException e)
        {
            Log.PrivateSendFailed(logger, e.Failure);
            return false;
        }
    }
}
