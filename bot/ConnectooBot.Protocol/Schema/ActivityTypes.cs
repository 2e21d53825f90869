namespace ConnectooBot.Protocol.Schema;

/// <summary>Activity <c>type</c> values a Teams bot sees (teams-protocol.md §1.2).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string Event = "event";
    public const string Typing = "typing";

    public static bool Is(string? actual, string expected) =>
        string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Invoke names handled by the protocol layer.</summary>
public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary>Content types used on the wire.</summary>
public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string ActivityMessage = "application/vnd.microsoft.activity.message";
    public const string Error = "application/vnd.microsoft.error";
}
