using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Testing.Conversations;

/// <summary>Builds activities shaped like the ones Teams sends (teams-protocol.md §1.4, §4, §6.4).</summary>
public sealed class ActivityFactory(string serviceUrl, string botAppId = "00000000-0000-0000-0000-00000000b071", string tenantId = TeamsUser.DefaultTenant)
{
    private long _nextId = 1_712_345_678_000;

    public string BotId { get; } = "28:" + botAppId;

    public string TenantId { get; } = tenantId;

    public string ServiceUrl { get; } = serviceUrl;

    public string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Activity PersonalMessage(TeamsUser user, string conversationId, string text) => Personal(user, conversationId, ActivityTypes.Message, a =>
    {
        a.Text = text;
        a.TextFormat = "plain";
    });

    public Activity PersonalInstall(TeamsUser user, string conversationId) => Personal(user, conversationId, ActivityTypes.ConversationUpdate, a =>
        a.MembersAdded = [new ChannelAccount { Id = BotId }, new ChannelAccount { Id = user.AccountId, AadObjectId = user.AadObjectId }]);

    public Activity PersonalInstallationUpdate(TeamsUser user, string conversationId, string action) => Personal(user, conversationId, ActivityTypes.InstallationUpdate, a =>
        a.Action = action);

    /// <summary>Action.Execute: an <c>adaptiveCard/action</c> invoke.</summary>
    public Activity Execute(TeamsUser user, string conversationId, string replyToId, string verb, JsonObject data) => Personal(user, conversationId, ActivityTypes.Invoke, a =>
    {
        a.Name = InvokeNames.AdaptiveCardAction;
        a.ReplyToId = replyToId;
        a.Value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
    });

    /// <summary>Action.Submit (the fallback): a message whose value is the action's data.</summary>
    public Activity Submit(TeamsUser user, string conversationId, string replyToId, JsonObject data) => Personal(user, conversationId, ActivityTypes.Message, a =>
    {
        a.ReplyToId = replyToId;
        a.Value = data.DeepClone();
    });

    public Activity TeamInstall(TeamsUser installer, string teamId, string selectedChannelId) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = NextId(),
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Locale = installer.Locale,
        From = new ChannelAccount { Id = installer.AccountId, AadObjectId = installer.AadObjectId, Name = installer.Name },
        Recipient = new ChannelAccount { Id = BotId, Name = "Connectoo" },
        Conversation = new ConversationAccount { Id = teamId, ConversationType = "channel", IsGroup = true, TenantId = TenantId },
        MembersAdded = [new ChannelAccount { Id = BotId }],
        ChannelData = new TeamsChannelData
        {
            EventType = "teamMemberAdded",
            Tenant = new TenantInfo { Id = TenantId },
            Team = new TeamInfo { Id = teamId, Name = "Guichet" },
            Settings = new TeamsChannelDataSettings { SelectedChannel = new ChannelInfo { Id = selectedChannelId } },
        },
    };

    public Activity ChannelMention(TeamsUser user, string teamId, string channelId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = NextId(),
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Locale = user.Locale,
        From = new ChannelAccount { Id = user.AccountId, AadObjectId = user.AadObjectId, Name = user.Name },
        Recipient = new ChannelAccount { Id = BotId, Name = "Connectoo" },
        Conversation = new ConversationAccount { Id = $"{channelId};messageid={NextId()}", ConversationType = "channel", IsGroup = true, TenantId = TenantId },
        Text = $"<at>Connectoo</at> {text}",
        Entities = [new Entity { Type = "mention", Text = "<at>Connectoo</at>", Mentioned = new ChannelAccount { Id = BotId, Name = "Connectoo" } }],
        ChannelData = new TeamsChannelData
        {
            Tenant = new TenantInfo { Id = TenantId },
            Team = new TeamInfo { Id = teamId },
            Channel = new ChannelInfo { Id = channelId },
        },
    };

    /// <summary>Action.Execute on a card in a team channel (for example the weekly nudge).</summary>
    public Activity ChannelExecute(TeamsUser user, string teamId, string channelId, string replyToId, string verb, JsonObject data)
    {
        var activity = ChannelMention(user, teamId, channelId, string.Empty);
        activity.Type = ActivityTypes.Invoke;
        activity.Name = InvokeNames.AdaptiveCardAction;
        activity.Text = null;
        activity.Entities = null;
        activity.ReplyToId = replyToId;
        activity.Conversation = new ConversationAccount { Id = channelId, ConversationType = "channel", IsGroup = true, TenantId = TenantId };
        activity.Value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private Activity Personal(TeamsUser user, string conversationId, string type, Action<Activity> shape)
    {
        var activity = new Activity
        {
            Type = type,
            Id = NextId(),
            ChannelId = "msteams",
            ServiceUrl = ServiceUrl,
            Locale = user.Locale,
            LocalTimezone = "Europe/Brussels",
            From = new ChannelAccount { Id = user.AccountId, AadObjectId = user.AadObjectId, Name = user.Name },
            Recipient = new ChannelAccount { Id = BotId, Name = "Connectoo" },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = TenantId },
            Entities = [new Entity { Type = "clientInfo", Locale = user.Locale, Country = "BE", Platform = "Web", Timezone = "Europe/Brussels" }],
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
        };
        shape(activity);
        return activity;
    }
}
