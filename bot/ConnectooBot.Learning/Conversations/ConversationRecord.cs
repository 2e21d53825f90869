namespace ConnectooBot.Learning.Conversations;

public enum ConversationKind
{
    Personal,
    Channel,
    GroupChat,
}

/// <summary>
/// Where and how the bot can reach a person or a channel later (a proactive send needs the serviceUrl and the
/// conversation id). Refreshed on every inbound activity; inactive after an uninstall or a block.
/// </summary>
public sealed record ConversationRecord
{
    public required string TenantId { get; init; }

    public required string ConversationId { get; init; }

    public required ConversationKind Kind { get; init; }

    public required string ServiceUrl { get; init; }

    /// <summary>The bot's own account id (<c>28:…</c>).</summary>
    public string? BotId { get; init; }

    /// <summary>Personal chat: the user's Entra object id.</summary>
    public string? UserId { get; init; }

    /// <summary>Personal chat: the user's <c>29:</c> id for this bot.</summary>
    public string? UserAccountId { get; init; }

    public string? TeamId { get; init; }

    public string? ChannelId { get; init; }

    public string? Locale { get; init; }

    public bool Active { get; init; } = true;

    /// <summary>Why the conversation is inactive (uninstalled, blocked, not found…).</summary>
    public string? InactiveReason { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
