using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Teams;

namespace ConnectooBot.Learning.Privacy;

/// <summary>What belongs to one person, for "my data" and "delete my data": pure rules over what the stores hold.</summary>
public static class PersonalDataRules
{
    /// <summary>The person's own chat with the bot (not a channel or a group chat they are in).</summary>
    public static bool IsPersonalChatOf(ConversationRecord record, LearnerKey key)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind == ConversationKind.Personal && string.Equals(record.UserId, key.UserId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The team without this person among its managers; the same record when they are not one (or null stays null).</summary>
    public static TeamRecord? WithoutManager(TeamRecord? team, string userId) =>
        team is null || !team.IsManager(userId)
            ? team
            : team with { Managers = [.. team.Managers.Where(m => !string.Equals(m.UserId, userId, StringComparison.OrdinalIgnoreCase))] };

    /// <summary>Everything kept about the person, from the stores' answers: their chats and the teams they manage are picked out here.</summary>
    public static PersonalData Assemble(
        LearnerKey key,
        Learner? learner,
        IEnumerable<ConversationRecord> conversations,
        IReadOnlyList<BadgeRecord> badges,
        IEnumerable<TeamRecord> teams,
        IReadOnlyList<DeliveryEntry> delivered)
    {
        return new PersonalData(
            learner,
            [.. conversations.Where(c => IsPersonalChatOf(c, key))],
            badges,
            [.. teams.Where(t => t.IsManager(key.UserId)).Select(t => new ManagedTeam(t.TeamId, t.Name))],
            delivered);
    }
}
