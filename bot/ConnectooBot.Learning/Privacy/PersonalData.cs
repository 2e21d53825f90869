using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Learning.Privacy;

/// <summary>Everything the bot keeps about one person, as handed to them on request.</summary>
public sealed record PersonalData(
    Learner? Learner,
    IReadOnlyList<ConversationRecord> Conversations,
    IReadOnlyList<BadgeRecord> Badges,
    IReadOnlyList<ManagedTeam> TeamsManaged,
    IReadOnlyList<DeliveryEntry> MessagesSentOnItsOwn);

public sealed record ManagedTeam(string TeamId, string? Name);
