using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Managers;

/// <summary>
/// "progress": in a channel, the team aggregate for everyone (withheld for very small teams) and, for a manager, the
/// per-person table in their personal chat; in personal chat, the learner's own course map and, for a manager, a
/// team picker. Nothing about a team reaches anyone who does not manage it. Every answer is in the asker's stored
/// language (<see cref="SenderLanguage"/>), not the locale of the message.
/// </summary>
internal sealed class ProgressFlow(
    TeamRegistry registry,
    ITeamStore teams,
    ManagerAccess access,
    TeamReports reports,
    ProgressCards cards,
    ReportLinks links,
    ICourseMap journey,
    LearnerSessions learners,
    CardReplies replies,
    UiContent content,
    PrivateMessenger messenger,
    SenderLanguage languages)
{
    /// <summary>At most this many teams are offered in the picker.</summary>
    public const int MaxTeams = 20;

    public async Task OnCommandAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (TeamsActivity.IsPersonal(turn.Activity))
        {
            await journey.ShowMapAsync(turn, fromCard: false, cancellationToken);
            var managed = await ManagedTeamsAsync(turn.Activity, cancellationToken);
            if (managed.Count > 0)
            {
                var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
                await turn.SendCardAsync(cards.Picker(managed, LearnerSessions.LanguageFor(learner, turn.Activity)), cancellationToken);
            }

            return;
        }

        if (await registry.FindAsync(turn.Activity, cancellationToken) is not { } team)
        {
            await replies.SendAsync(turn, "team-intro", await languages.OfSenderAsync(turn.Activity, cancellationToken), cancellationToken);
            return;
        }

        // The asker's stored language (read with the team's learners, no extra request), else the message's locale.
        var userId = turn.Activity.From?.AadObjectId;
        var (progress, reader) = await reports.BuildForAsync(turn.Connector, team, TeamsActivity.LearnerKeyOf(turn.Activity)?.UserId, cancellationToken);
        var language = SenderLanguage.Of(reader, turn.Activity, team.Locale);
        string? note = null;
        if (access.CanManage(team, userId))
        {
            var detail = cards.Detail(team, progress, language, links.Create(team.TenantId, team.TeamId, userId!, language));
            note = content.Text(language, await messenger.SendAsync(turn, detail, cancellationToken) ? "progress.private" : "progress.privateFailed");
        }

        await turn.SendCardAsync(cards.Aggregate(team, progress, language, note), cancellationToken);
    }

    /// <summary>A team chosen in the personal picker: the per-person table, if the user still manages it.</summary>
    public async Task OnTeamPickedAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var language = LearnerSessions.LanguageFor(await learners.EnsureAsync(activity, cancellationToken), activity);
        var userId = activity.From?.AadObjectId;
        var team = CardData.Text(input.Data, "team") is { } teamId && activity.TenantId is { } tenant && TeamsActivity.IsPersonal(activity)
            ? (await teams.FindAsync(tenant, teamId, cancellationToken))?.Value
            : null;
        if (team is null || !team.Active || !access.CanManage(team, userId))
        {
            await replies.AnswerAsync(turn, true, "notice", language, cancellationToken, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["text"] = content.Text(language, "progress.unknownTeam") });
            return;
        }

        var progress = await reports.BuildAsync(turn.Connector, team, cancellationToken);
        await turn.ReplaceCardAsync(cards.Detail(team, progress, language, links.Create(team.TenantId, team.TeamId, userId!, language)), cancellationToken);
    }

    private async Task<IReadOnlyList<TeamRecord>> ManagedTeamsAsync(Activity activity, CancellationToken cancellationToken)
    {
        var managed = new List<TeamRecord>();
        if (activity.TenantId is not { } tenant || activity.From?.AadObjectId is not { } userId)
        {
            return managed;
        }

        await foreach (var team in teams.ListAsync(tenant, cancellationToken))
        {
            if (team.Active && access.CanManage(team, userId) && managed.Count < MaxTeams)
            {
                managed.Add(team);
            }
        }

        return managed;
    }
}
