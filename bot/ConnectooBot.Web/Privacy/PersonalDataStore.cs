using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Privacy;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Privacy;

/// <summary>
/// Finds and erases everything about one person across the stores: the learner record, their personal chat
/// references and the claims on their activities there (which may hold an answer showing their results), their scheduling claims, their rows in the delivery ledger, their badges (unless they keep them), and their
/// manager roles; and, through <see cref="IPersonalDataErasureListener"/>, what a feature copied outside the bot. A reminder still queued for them is dropped unsent by the delivery worker: its chat is gone.
/// </summary>
internal sealed class PersonalDataStore(
    ILearnerStore learners,
    IConversationStore conversations,
    IScheduleClaims claims,
    IActivityClaims activityClaims,
    IDeliveryLedger ledger,
    IBadgeStore badges,
    ITeamStore teams,
    TeamUpdater teamUpdater,
    ConversationDirectory directory,
    IEnumerable<IPersonalDataErasureListener> elsewhere,
    TimeProvider time)
{
    public async Task<PersonalData> CollectAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var learner = (await learners.FindAsync(key, cancellationToken))?.Value;
        var chats = await ChatsAsync(key, cancellationToken);
        var held = await badges.FindByLearnerAsync(key, cancellationToken);
        var tenantTeams = new List<TeamRecord>();
        await foreach (var team in teams.ListAsync(key.TenantId, cancellationToken))
        {
            tenantTeams.Add(team);
        }

        var delivered = await ledger.ListForRecipientAsync(key.ToString(), cancellationToken);
        return PersonalDataRules.Assemble(key, learner, chats, held, tenantTeams, delivered);
    }

    /// <summary>
    /// Erases the person's data; their badges are erased too (shown as revoked) unless <paramref name="keepBadges"/>.
    /// Last, what other features copied elsewhere (<see cref="IPersonalDataErasureListener"/>, e.g. Viva Learning).
    /// </summary>
    /// <returns>False when a copy elsewhere could not be erased now (it is owed and retried; the person must be told).</returns>
    public async Task<bool> EraseAsync(LearnerKey key, bool keepBadges, CancellationToken cancellationToken)
    {
        foreach (var chat in await ChatsAsync(key, cancellationToken))
        {
            await conversations.DeleteAsync(chat.TenantId, chat.ConversationId, cancellationToken);
            directory.Forget(chat.TenantId, chat.ConversationId);
            await activityClaims.DeleteConversationAsync(chat.TenantId, chat.ConversationId, cancellationToken);
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
            await teamUpdater.UpdateAsync(team.TenantId, team.TeamId, current => PersonalDataRules.WithoutManager(current, key.UserId), cancellationToken);
        }

        // After the rest, so a failure above leaves the learner able to ask again.
        await learners.DeleteAsync(key, cancellationToken);

        // Then what features copied elsewhere: after the learner record, so a copy being made meanwhile either is seen
        // here or sees the learner gone (the Viva Learning sync checks after each creation). An erasure that could not
        // reach its service is owed and retried by its feature; asking again runs these again.
        var complete = true;
        foreach (var listener in elsewhere)
        {
            complete &= await listener.EraseAsync(key, cancellationToken) == ExternalErasure.Done;
        }

        return complete;
    }

    private async Task<List<ConversationRecord>> ChatsAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var chats = new List<ConversationRecord>();
        await foreach (var record in conversations.ListAsync(key.TenantId, cancellationToken))
        {
            if (PersonalDataRules.IsPersonalChatOf(record, key))
            {
                chats.Add(record);
            }
        }

        return chats;
    }
}
