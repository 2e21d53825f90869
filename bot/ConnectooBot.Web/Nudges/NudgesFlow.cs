using ConnectooBot.Learning.Scheduling;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Protocol.Turns;
using Microsoft.Extensions.Options;
using ConnectooBot.Web.Managers;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Nudges;

/// <summary>
/// A team's weekly nudge schedule: "nudges" shows it, "nudges monday 10:00" sets it, "nudges off" stops it, and the
/// install card offers it with two buttons. Only the team's managers and program administrators may change it.
/// </summary>
internal sealed class NudgesFlow(TeamRegistry registry, ManagerAccess access, CardReplies replies, UiContent content, IOptions<NudgeOptions> options, TimeProvider time)
{
    public async Task OnCommandAsync(TurnContext turn, TextCommand command, CancellationToken cancellationToken)
    {
        if (await TeamOfAsync(turn, cancellationToken) is not { } team)
        {
            return;
        }

        var language = Language(turn);
        if (string.IsNullOrWhiteSpace(command.Arguments))
        {
            await SayAsync(turn, Describe(team, language) + "\n\n" + content.Text(language, "nudges.usage"), fromCard: false, cancellationToken);
            return;
        }

        if (NudgeSchedules.Parse(command.Arguments) is not { } parsed)
        {
            await SayAsync(turn, content.Text(language, "nudges.usage"), fromCard: false, cancellationToken);
            return;
        }

        await SetAsync(turn, team, new WeeklySchedule(parsed.Day, parsed.Time, options.Value.TimeZone), fromCard: false, cancellationToken);
    }

    public async Task OffAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await TeamOfAsync(turn, cancellationToken) is { } team)
        {
            await SetAsync(turn, team, null, fromCard: false, cancellationToken);
        }
    }

    /// <summary>The install card's "every Monday at 10:00".</summary>
    public async Task OnOfferAcceptedAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (await TeamOfAsync(turn, cancellationToken) is not { } team)
        {
            return;
        }

        var parsed = NudgeSchedules.Parse($"{CardData.Text(input.Data, "day")} {CardData.Text(input.Data, "time")}");
        var schedule = parsed is { } p ? new WeeklySchedule(p.Day, p.Time, options.Value.TimeZone) : null;
        await SetAsync(turn, team, schedule, fromCard: true, cancellationToken, onIntroCard: true);
    }

    /// <summary>The install card's "not now": the card loses its offer, nothing is scheduled.</summary>
    public Task OnOfferDeclinedAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken) =>
        replies.AnswerAsync(turn, true, "team-intro", Language(turn), cancellationToken, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["notice"] = content.Text(Language(turn), "nudges.usage") });

    private async Task SetAsync(TurnContext turn, TeamRecord team, WeeklySchedule? schedule, bool fromCard, CancellationToken cancellationToken, bool onIntroCard = false)
    {
        var language = Language(turn);
        if (!access.CanManage(team, turn.Activity.From?.AadObjectId))
        {
            await SayAsync(turn, content.Text(language, "managers.refused"), fromCard, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var saved = await registry.ChangeAsync(team, current => current with { Nudges = schedule, NudgesSince = schedule is null ? current.NudgesSince : now }, cancellationToken);
        var text = schedule is null ? content.Text(language, "nudges.stopped") : Describe(saved ?? team, language, "nudges.set");
        if (onIntroCard)
        {
            // The introduction stays in place for the clicker, with the answer instead of the offer.
            await replies.AnswerAsync(turn, true, "team-intro", language, cancellationToken, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["notice"] = text });
            return;
        }

        await SayAsync(turn, text, fromCard, cancellationToken);
    }

    private string Describe(TeamRecord team, string language, string key = "nudges.current") =>
        team.Nudges is { } nudges
            ? content.Format(language, key, ("day", NudgeSchedules.DayName(nudges.Day, language)), ("time", NudgeSchedules.TimeText(nudges.Time)), ("zone", nudges.TimeZoneId))
            : content.Text(language, "nudges.none");

    private async Task<TeamRecord?> TeamOfAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!TeamsActivity.IsPersonal(turn.Activity) && await registry.FindAsync(turn.Activity, cancellationToken) is { } team)
        {
            return team;
        }

        await SayAsync(turn, content.Format(Language(turn), "channel.only", ("command", content.CommandWord(Language(turn), "nudges"))), turn.IsInvoke, cancellationToken);
        return null;
    }

    private Task SayAsync(TurnContext turn, string text, bool fromCard, CancellationToken cancellationToken) =>
        replies.AnswerAsync(turn, fromCard, "notice", Language(turn), cancellationToken, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["text"] = text });

    private static string Language(TurnContext turn) => Languages.FromLocale(TeamsActivity.LocaleOf(turn.Activity));
}
