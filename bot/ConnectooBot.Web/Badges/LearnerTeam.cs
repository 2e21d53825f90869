namespace ConnectooBot.Web.Badges;

/// <summary>A team the bot is installed in and the learner belongs to: where a badge can be shared.</summary>
internal sealed record LearnerTeam(string TeamId, string Name, string ServiceUrl, string ChannelConversationId, string? Locale);
