using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConnectooBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity, loosely typed: the fields a Teams bot reads or writes are typed,
/// everything else round-trips through <see cref="Properties"/> (teams-protocol.md §1.1).
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    /// <summary>IANA zone; Teams spells it localTimezone or localTimeZone (case-insensitive JSON).</summary>
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? Locale { get; set; }
    public string? TextFormat { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? AttachmentLayout { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public IList<Entity>? Entities { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public string? Name { get; set; }
    public JsonNode? Value { get; set; }
    public string? ReplyToId { get; set; }
    public string? Action { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public IList<MessageReaction>? ReactionsAdded { get; set; }
    public IList<MessageReaction>? ReactionsRemoved { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>The Teams tenant, wherever this payload carries it.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>Creates a message reply addressed back into this activity's conversation.</summary>
    public Activity CreateReply() => new()
    {
        Type = ActivityTypes.Message,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name },
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id,
            ConversationType = Conversation.ConversationType,
            TenantId = Conversation.TenantId,
            IsGroup = Conversation.IsGroup,
        },
        ReplyToId = Id,
        Locale = Locale,
    };
}
