using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Web.Hosting.Telemetry;

/// <summary>
/// What a turn is, in words safe for telemetry: the activity type and the conversation kind, each from a closed set
/// (anything else is "other"), so a forged activity cannot blow up the metric cardinality.
/// </summary>
public sealed record TurnLabels(string ActivityType, string ConversationKind)
{
    public const string ActivityTypeTag = "activity.type";
    public const string ConversationKindTag = "conversation.kind";
    public const string OutcomeTag = "turn.outcome";
    public const string Other = "other";

    private static readonly string[] KnownTypes =
    [
        ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.Event,
        ActivityTypes.Typing,
    ];

    private static readonly string[] KnownKinds = ["personal", "channel", "groupChat"];

    public static TurnLabels Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new TurnLabels(
            Known(KnownTypes, activity.Type),
            Known(KnownKinds, activity.Conversation?.ConversationType));
    }

    private static string Known(string[] known, string? value) =>
        Array.Find(known, k => string.Equals(k, value, StringComparison.OrdinalIgnoreCase)) ?? Other;
}
