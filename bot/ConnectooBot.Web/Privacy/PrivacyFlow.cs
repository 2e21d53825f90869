using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Turns;
using Values = System.Collections.Generic.Dictionary<string, System.Text.Json.Nodes.JsonNode?>;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Privacy;

namespace ConnectooBot.Web.Privacy;

/// <summary>
/// "my data" (a summary with links to everything, readable and as JSON) and "delete my data" (with a confirmation,
/// and a choice about the badge). Personal chat only: a channel never shows anyone's data.
/// </summary>
internal sealed class PrivacyFlow(
    PersonalDataSummary summary,
    PersonalDataStore data,
    PersonalDataLinks links,
    CardReplies replies,
    TeamIntroReply teamIntro,
    UiContent content,
    ILogger<PrivacyFlow> logger)
{
    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!IsPersonal(turn, out var key, out var language))
        {
            await teamIntro.AnswerAsync(turn, fromCard: false, cancellationToken);
            return;
        }

        var mine = await data.CollectAsync(key, cancellationToken);
        language = mine.Learner?.Language ?? language;
        var (page, json) = links.Create(key, language);
        await replies.SendAsync(turn, "my-data", language, cancellationToken, new Values
        {
            ["intro"] = content.Format(language, "mydata.intro", ("minutes", (int)PersonalDataLinks.Lifetime.TotalMinutes)),
            ["facts"] = Facts(mine, language),
            ["readUrl"] = page,
            ["jsonUrl"] = json,
            ["offerContinue"] = mine.Learner?.Progress.Current is null ? null : true, // and back to the course
        });
    }

    public async Task AskToDeleteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!IsPersonal(turn, out var key, out var language))
        {
            await teamIntro.AnswerAsync(turn, fromCard: false, cancellationToken);
            return;
        }

        var mine = await data.CollectAsync(key, cancellationToken);
        await replies.SendAsync(turn, "delete-data", mine.Learner?.Language ?? language, cancellationToken, new Values
        {
            ["hasBadge"] = mine.Badges.Any(b => !b.IsRevoked),
        });
    }

    public async Task DeleteAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!IsPersonal(turn, out var key, out var language))
        {
            await replies.AnswerAsync(turn, true, "stale", language, cancellationToken);
            return;
        }

        var mine = await data.CollectAsync(key, cancellationToken);
        language = mine.Learner?.Language ?? language;
        var keepBadge = CardData.Text(input.Data, "badge") == "keep" && mine.Badges.Any(b => !b.IsRevoked);
        var complete = await data.EraseAsync(key, keepBadge, cancellationToken);
        Log.PersonalDataErased(logger, keepBadge);
        var done = content.Text(language, keepBadge ? "delete.doneKept" : "delete.done");
        await replies.AnswerAsync(turn, true, "notice", language, cancellationToken, new Values
        {
            // Said plainly when a copy elsewhere (Viva Learning) could not be erased yet: it is owed and retried.
            ["text"] = complete ? done : done + " " + content.Text(language, "delete.elsewherePending"),
            ["hint"] = content.Text(language, "delete.restart"), // not a dead end: how to come back
        });
    }

    public async Task CancelAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        IsPersonal(turn, out _, out var language);
        await replies.AnswerAsync(turn, true, "notice", language, cancellationToken, new Values { ["text"] = content.Text(language, "delete.cancelled") });
    }

    private JsonArray Facts(PersonalData mine, string language) =>
        [.. summary.Lines(mine, language).Select(l => new JsonObject { ["title"] = l.Label, ["value"] = l.Value })];

    private static bool IsPersonal(TurnContext turn, out Learning.Learners.LearnerKey key, out string language)
    {
        language = Languages.FromLocale(TeamsActivity.LocaleOf(turn.Activity));
        key = TeamsActivity.LearnerKeyOf(turn.Activity) ?? default;
        return TeamsActivity.IsPersonal(turn.Activity) && TeamsActivity.LearnerKeyOf(turn.Activity) is not null;
    }
}
