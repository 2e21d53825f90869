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
/// Answers are in the sender's stored language (<see cref="SenderLanguage"/>); the install card keeps the team's.
/// </summary>
internal sealed class NudgesFlow(TeamRegistry registry, ManagerAccess access, SenderLanguage languages, CardReplies replies, UiContent content, IOptions<NudgeOptions> options, TimeProvider time)
{
    public async Task OnCommandAsync(TurnContext turn, TextCommand command, CancellationToken cancellationToken)
    {
        var language = await languages.OfSenderAsync(turn.Activity, cancellationToken);
        if (await TeamOfAsync(turn, language, cancellationToken) is not { } team)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(command.Arguments))
        {
            await SayAsync(turn, language, Describe(team, language) + "\n\n" + content.Text(language, "nudges.usage"), fromCard: false, cancellationToken);
            return;
        }

        if (NudgeSchedules.Parse(command.Arguments) is not { } parsed)
        {
            await SayAsync(turn, language, content.Text(language, "nudges.usage"), fromCard: false, cancellationToken);
            return;
        }

        await SetAsync(turn, team, new WeeklySchedule(parsed.Day, parsed.Time, options.Value.TimeZone), language, fromCard: false, cancellationToken);
    }

    public async Task OffAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var language = await languages.OfSenderAsync(turn.Activity, cancellationToken);
        if (await TeamOfAsync(turn, language, cancellationToken) is { } team)
        {
            await SetAsync(turn, team, null, language, fromCard: false, cancellationToken);
        }
    }

    /// <summary>
    /// The install card's "every Monday at 10:00". When the team already has a schedule (set with the command since),
    /// the offer is spent: the card says what is scheduled and how to change it, and nothing is overwritten.
    /// </summary>
    public async Task OnOfferAcceptedAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var language = await languages.OfSenderAsync(turn.Activity, cancellationToken);
        if (await TeamOfAsync(turn, language, cancellationToken) is not { } team)
        {
            return;
        }

        if (team.Nudges is not null)
        {
            await AnswerOnIntroCardAsync(turn, team, language, teamLanguage => Describe(team, teamLanguage) + " " + content.Text(teamLanguage, "nudges.usage"), cancellationToken);
            return;
        }

        var parsed = NudgeSchedules.Parse($"{CardData.Text(input.Data, "day")} {CardData.Text(input.Data, "time")}");
        var schedule = parsed is { } p ? new WeeklySchedule(p.Day, p.Time, options.Value.TimeZone) : null;
        await SetAsync(turn, team, schedule, language, fromCard: true, cancellationToken, onIntroCard: true);
    }

    /// <summary>The install card's "not now": the card loses its offer (and stays in the team's language), nothing is scheduled.</summary>
    public async Task OnOfferDeclinedAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var team = TeamsActivity.IsPersonal(turn.Activity) ? null : await registry.FindAsync(turn.Activity, cancellationToken);
        var language = team?.Locale is { } locale ? Languages.FromLocale(locale) : await languages.OfSenderAsync(turn.Activity, cancellationToken);
        await replies.AnswerAsync(turn, true, "team-intro", language, cancellationToken, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["notice"] = content.Text(language, "nudges.usage") });
    }

    private async Task SetAsync(TurnContext turn, TeamRecord team, WeeklySchedule? schedule, string language, bool fromCard, CancellationToken cancellationToken, bool onIntroCard = false)
    {
        if (!access.CanManage(team, turn.Activity.From?.AadObjectId))
        {
            await SayAsync(turn, language, content.Text(language, "managers.refused"), fromCard, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var saved = await registry.ChangeAsync(team, current => current with { Nudges = schedule, NudgesSince = schedule is null ? current.NudgesSince : now }, cancellationToken);
        if (onIntroCard)
        {
            await AnswerOnIntroCardAsync(turn, team, language, teamLanguage => schedule is null ? content.Text(teamLanguage, "nudges.stopped") : Describe(saved ?? team, teamLanguage, "nudges.set"), cancellationToken);
            return;
        }

        var text = schedule is null ? content.Text(language, "nudges.stopped") : Describe(saved ?? team, language, "nudges.set");
        await SayAsync(turn, language, text, fromCard, cancellationToken);
    }

    /// <summary>The introduction stays in place, in the team's language, with the answer instead of the offer.</summary>
    private Task AnswerOnIntroCardAsync(TurnContext turn, TeamRecord team, string senderLanguage, Func<string, string> notice, CancellationToken cancellationToken)
    {
        var teamLanguage = team.Locale is { } locale ? Languages.FromLocale(locale) : senderLanguage;
        return replies.AnswerAsync(turn, true, "team-intro", teamLanguage, cancellationToken, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["notice"] = notice(teamLanguage) });
    }

    private string Describe(TeamRecord team, string language, string key = "nudges.current") =>
        team.Nudges is { } nudges
            ? content.Format(language, key, ("day", NudgeSchedules.DayName(nudges.Day, language)), ("time", NudgeSchedules.TimeText(nudges.Time)), ("zone", ZoneName(nudges.TimeZoneId, language)))
            : content.Text(language, "nudges.none");

    /// <summary>"heure belge" for the course's own zone; any other zone by its IANA name.</summary>
    private string ZoneName(string timeZoneId, string language) =>
        timeZoneId == "Europe/Brussels" ? content.Text(language, "nudges.zoneBelgium") : timeZoneId;

    private async Task<TeamRecord?> TeamOfAsync(TurnContext turn, string language, CancellationToken cancellationToken)
    {
        if (!TeamsActivity.IsPersonal(turn.Activity) && await registry.FindAsync(turn.Activity, cancellationToken) is { } team)
        {
            return team;
        }

        await SayAsync(turn, language, content.Format(language, "channel.only", ("command", content.CommandWord(language, "nudges"))), turn.IsInvoke, cancellationToken);
        return null;
    }

    private Task SayAsync(TurnContext turn, string language, string text, bool fromCard, CancellationToken cancellationToken) =>
        replies.AnswerAsync(turn, fromCard, "notice", language, cancellationToken, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["text"] = text });
}
