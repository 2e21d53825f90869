namespace ConnectooBot.Protocol.Schema;

/// <summary>What a proactive send needs (teams-protocol.md §8.1): where, which conversation, which tenant.</summary>
public sealed record ConversationReference(
    string ServiceUrl,
    string ConversationId,
    string? ConversationType,
    string? TenantId,
    string? BotId,
    string? UserId,
    string? UserAadObjectId,
    string? TeamId,
    string? ChannelId,
    string? Locale)
{
    public static ConversationReference? From(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return null;
        }

        return new ConversationReference(
            activity.ServiceUrl,
            activity.Conversation.Id,
            activity.Conversation.ConversationType,
            activity.TenantId,
            activity.Recipient?.Id,
            activity.From?.Id,
            activity.From?.AadObjectId,
            activity.ChannelData?.Team?.Id,
            activity.ChannelData?.Channel?.Id,
            activity.Locale);
    }
}
