using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Web.Turns;

/// <summary>Reads what the Teams handlers need out of an activity; the only place that knows Teams' field quirks.</summary>
internal static class TeamsActivity
{
    public static bool IsPersonal(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
        || (activity.Conversation?.ConversationType is null && activity.Conversation?.IsGroup != true);

    public static ConversationKind KindOf(Activity activity) => activity.Conversation?.ConversationType?.ToLowerInvariant() switch
    {
        "channel" => ConversationKind.Channel,
        "groupchat" => ConversationKind.GroupChat,
        _ => IsPersonal(activity) ? ConversationKind.Personal : ConversationKind.GroupChat,
    };

    /// <summary>The learner behind a personal activity: tenant + Entra object id (the 29: id if Entra's is absent).</summary>
    public static LearnerKey? LearnerKeyOf(Activity activity)
    {
        var tenant = activity.TenantId;
        var user = activity.From?.AadObjectId ?? activity.From?.Id;
        return string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(user) ? null : new LearnerKey(tenant, user);
    }

    /// <summary>The locale from the activity, or from its clientInfo entity.</summary>
    public static string? LocaleOf(Activity activity) =>
        activity.Locale ?? activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.Locale;

    public static string? TimeZoneOf(Activity activity) =>
        activity.LocalTimezone ?? activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.Timezone;

    /// <summary>The conversation id without a channel thread's <c>;messageid=</c> suffix.</summary>
    public static string? BareConversationId(Activity activity)
    {
        var id = activity.Conversation?.Id;
        if (id is null)
        {
            return null;
        }

        var thread = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? id : id[..thread];
    }

    public static bool BotWasAdded(Activity activity) =>
        activity.MembersAdded?.Any(m => IsBot(activity, m)) == true;

    public static bool BotWasRemoved(Activity activity) =>
        activity.MembersRemoved?.Any(m => IsBot(activity, m)) == true;

    private static bool IsBot(Activity activity, ChannelAccount member) =>
        member.Id is not null && string.Equals(member.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase);
}
