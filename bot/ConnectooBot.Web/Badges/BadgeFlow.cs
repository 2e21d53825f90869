using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Badges;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// The Connectoo badge in Teams: issued and posted in the learner's chat when the last module is passed, shown again
/// with "badge" or the map's button, and shared in a team channel only when the learner clicks "Share with my team".
/// Issuing is idempotent per learner, so a retried turn or a double click never makes a second badge.
/// </summary>
internal sealed class BadgeFlow(
    Learning.Catalog.Course course,
    LearnerSessions learners,
    BadgeIssuer issuer,
    IBadgeStore badges,
    BadgeCards cards,
    LearnerTeams teams,
    CardReplies replies,
    TeamIntroReply teamIntro,
    UiContent content,
    ILogger<BadgeFlow> logger) : ICourseCompletionListener
{
    /// <summary>True when every module of the course is passed.</summary>
    public bool HasEarned(Learner learner) =>
        course.Modules.Count > 0 && course.Modules.All(m => learner.Progress.Module(m.Id).Passed);

    /// <summary>
    /// The course is complete and the learner has no badge mark: issues the badge (or finds the one they hold), posts its
    /// card as a new message, then sets the mark, so later course turns read no badge store. A turn that fails before the
    /// mark is written shows the same badge again on its retry; it never makes a second one.
    /// </summary>
    public async Task OnCourseCompletedAsync(TurnContext turn, Learner learner, CancellationToken cancellationToken)
    {
        var badge = await IssueAsync(learner, cancellationToken);
        await turn.SendCardAsync(cards.Badge(learner, badge), cancellationToken);
        Log.BadgeCardPosted(logger, badge.Record.BadgeId);
        await MarkIssuedAsync(turn, learner, cancellationToken);
    }

    /// <summary>"badge" or the map's button: the badge card, or what is still missing.</summary>
    public async Task ShowAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken)
    {
        if (await learners.EnsureAsync(turn.Activity, cancellationToken) is not { } learner)
        {
            await teamIntro.AnswerAsync(turn, fromCard, cancellationToken);
            return;
        }

        if (!HasEarned(learner))
        {
            var passed = course.Modules.Count(m => learner.Progress.Module(m.Id).Passed);
            await replies.AnswerAsync(turn, fromCard, "notice", learner.Language, cancellationToken, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>
            {
                ["text"] = content.Format(learner.Language, passed == 0 ? "badgecard.notYetNone" : "badgecard.notYet", ("total", course.Modules.Count), ("passed", passed)), // not "so far you have passed 0"
                ["offerContinue"] = true, // the way on towards the badge
            });
            return;
        }

        var card = cards.Badge(learner, await IssueAsync(learner, cancellationToken));
        await (fromCard ? turn.ReplaceCardAsync(card, cancellationToken) : turn.SendCardAsync(card, cancellationToken));
        await MarkIssuedAsync(turn, learner, cancellationToken);
    }

    /// <summary>
    /// "Share with my team": posts the congratulation in the learner's team (the one they pick when they belong to
    /// several), once per team, and updates the badge card in place to say where it was shared.
    /// </summary>
    public async Task ShareAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (await learners.EnsureAsync(activity, cancellationToken) is not { } learner || activity.From?.Id is not { } accountId)
        {
            await teamIntro.AnswerAsync(turn, true, cancellationToken);
            return;
        }

        var held = await badges.FindByLearnerAsync(learner.Key, cancellationToken);
        var record = held.Count == 0 ? null : held[^1];
        if (record is null || record.BadgeId != CardData.Text(input.Data, "b"))
        {
            // A forged or foreign badge id, or a badge that no longer exists: nothing is posted anywhere.
            await replies.AnswerAsync(turn, true, "stale", learner.Language, cancellationToken);
            return;
        }

        var badge = issuer.Describe(record);
        if (record.IsRevoked)
        {
            await turn.ReplaceCardAsync(cards.Badge(learner, badge, content.Text(learner.Language, "share.revoked")), cancellationToken);
            return;
        }

        var found = await teams.FindAsync(turn.Connector, learner.Key.TenantId, accountId, cancellationToken);
        // A team named by the card must be one of the learner's; without one, their only team is meant.
        var chosen = CardData.Text(input.Data, "team") is { } teamId
            ? found.FirstOrDefault(t => t.TeamId == teamId)
            : found.Count == 1 ? found[0] : null;
        if (chosen is null)
        {
            var note = found.Count == 0 ? content.Text(learner.Language, "share.none") : null;
            await turn.ReplaceCardAsync(cards.Badge(learner, badge, note, found.Count > 0 ? found : null), cancellationToken);
            return;
        }

        var (updated, first) = await learners.ChangeAsync(activity, current => current.BadgeSharedInTeams.Contains(chosen.TeamId)
            ? (current, false)
            : (current with { BadgeSharedInTeams = [.. current.BadgeSharedInTeams, chosen.TeamId] }, true), cancellationToken);
        if (first)
        {
            await PostAsync(turn, updated, chosen, badge, accountId, cancellationToken);
        }

        var said = content.Format(updated.Language, first ? "share.done" : "share.already", ("team", chosen.Name));
        await turn.ReplaceCardAsync(cards.Badge(updated, badge, said), cancellationToken);
    }

    /// <summary>Posts the congratulation; if Teams refuses it, the "shared" mark is taken back so the learner can retry.</summary>
    private async Task PostAsync(TurnContext turn, Learner learner, LearnerTeam team, IssuedBadge badge, string accountId, CancellationToken cancellationToken)
    {
        var language = team.Locale is null ? learner.Language : Languages.FromLocale(team.Locale);
        var post = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(cards.ChannelPost(language, badge, accountId))] };
        try
        {
            await turn.Connector.SendToConversationAsync(team.ServiceUrl, team.ChannelConversationId, post, cancellationToken);
            Log.BadgeShared(logger, badge.Record.BadgeId);
        }
        catch (Exception)
        {
            await learners.ChangeAsync(turn.Activity, current => current.BadgeSharedInTeams.Contains(team.TeamId)
                ? (current with { BadgeSharedInTeams = [.. current.BadgeSharedInTeams.Where(t => t != team.TeamId)] }, true)
                : (current, false), CancellationToken.None);
            throw;
        }
    }

    /// <summary>Sets <see cref="Learner.BadgeIssued"/> (one write, once per learner).</summary>
    private async Task MarkIssuedAsync(TurnContext turn, Learner learner, CancellationToken cancellationToken)
    {
        if (!learner.BadgeIssued)
        {
            await learners.ChangeAsync(turn.Activity, current => current.BadgeIssued ? (current, false) : (current with { BadgeIssued = true }, true), cancellationToken);
        }
    }

    private async Task<IssuedBadge> IssueAsync(Learner learner, CancellationToken cancellationToken)
    {
        var scores = course.Modules
            .Select(m => new ModuleScore(m.Id, Percent(learner.Progress.Module(m.Id).BestScore ?? 0)))
            .ToList();
        return await issuer.IssueAsync(learner.Key, course.Id, learner.DisplayName ?? string.Empty, learner.Language, scores, course.Version, cancellationToken);
    }

    private static int Percent(decimal score) => (int)Math.Round(score * 100, MidpointRounding.AwayFromZero);
}
