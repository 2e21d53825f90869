using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Teams;

namespace ConnectooBot.Web.Teams.Privacy;

/// <summary>
/// Finds and erases everything about one person across the stores: the learner record, their personal chat
/// references, their scheduling claims, their rows in the delivery ledger, their badges (unless they keep them), and their
/// manager roles. A reminder still queued for them is dropped unsent by the delivery worker: its chat is gone.
/// </summary>
internal sealed class PersonalDataStore(
    ILearnerStore learners,
    IConversationStore conversations,
    IScheduleClaims claims,
    IDeliveryLedger ledger,
    IBadgeStore badges,
    ITeamStore teams,
    TeamUpdater teamUpdater,
    ConversationCaptureMiddleware capture,
    TimeProvider time)
{
    public async Task<PersonalData> CollectAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var learner = (await learners.FindAsync(key, cancellationToken))?.Value;
        var chats = await ChatsAsync(key, cancellationToken);
        var held = await badges.FindByLearnerAsync(key, cancellationToken);
        var managed = new List<ManagedTeam>();
        await foreach (var team in teams.ListAsync(key.TenantId, cancellationToken))
        {
            if (team.IsManager(key.UserId))
            {
                managed.Add(new ManagedTeam(team.TeamId, team.Name));
            }
        }

        var delivered = await ledger.ListForRecipientAsync(key.ToString(), cancellationToken);
        return new PersonalData(learner, chats, held, managed, delivered);
    }

    /// <summary>Erases the person's data; their badges are erased too (shown as revoked) unless <paramref name="keepBadges"/>.</summary>
    public async Task EraseAsync(LearnerKey key, bool keepBadges, CancellationToken cancellationToken)
    {
        foreach (var chat in await ChatsAsync(key, cancellationToken))
        {
            await conversations.DeleteAsync(chat.TenantId, chat.ConversationId, cancellationToken);
            capture.Forget(chat.TenantId, chat.ConversationId);
        }

        await claims.DeleteScopeAsync($"personal/{key}", cancellationToken);
        await ledger.ForgetRecipientAsync(key.ToString(), cancellationToken);
        if (!keepBadges)
        {
            await badges.DeleteForLearnerAsync(key, time.GetUtcNow(), cancellationToken);
        }

        var managed = new List<TeamRecord>();
        await foreach (var team in teams.ListAsync(key.TenantId, cancellationToken))
        {
            if (team.IsManager(key.UserId))
            {
                managed.Add(team);
            }
        }

        foreach (var team in managed)
        {
            await teamUpdater.UpdateAsync(team.TenantId, team.TeamId, current => current is null || !current.IsManager(key.UserId)
                ? current
                : current with { Managers = [.. current.Managers.Where(m => !string.Equals(m.UserId, key.UserId, StringComparison.OrdinalIgnoreCase))] }, cancellationToken);
        }

        // Last, so a failure above leaves the learner able to ask again.
        await learners.DeleteAsync(key, cancellationToken);
    }

    private async Task<List<ConversationRecord>> ChatsAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var chats = new List<ConversationRecord>();
        await foreach (var record in conversations.ListAsync(key.TenantId, cancellationToken))
        {
            if (record.Kind == ConversationKind.Personal && string.Equals(record.UserId, key.UserId, StringComparison.OrdinalIgnoreCase))
            {
                chats.Add(record);
            }
        }

        return chats;
    }
}
