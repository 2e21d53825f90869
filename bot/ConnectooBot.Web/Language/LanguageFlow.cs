using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Language;

/// <summary>"language" and the language buttons: the learner's choice overrides the Teams locale; progress is untouched.</summary>
internal sealed class LanguageFlow(LearnerSessions learners, CardReplies replies, UiContent content)
{
    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        await replies.SendAsync(turn, "language", LearnerSessions.LanguageFor(learner, turn.Activity), cancellationToken);
    }

    public async Task SetAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var chosen = CardData.Text(input.Data, "lang");
        if (!TeamsActivity.IsPersonal(turn.Activity) || TeamsActivity.LearnerKeyOf(turn.Activity) is null || !Languages.IsSupported(chosen))
        {
            await ShowAsync(turn, cancellationToken);
            return;
        }

        var (learner, _) = await learners.ChangeAsync(turn.Activity, current =>
            (current.Language == chosen && current.LanguageChosen ? current : current with { Language = chosen!, LanguageChosen = true }, true), cancellationToken);
        await replies.AnswerAsync(turn, fromCard: true, "language", learner.Language, cancellationToken, new Dictionary<string, JsonNode?>
        {
            ["notice"] = content.Text(learner.Language, "language.changed"),
        });
    }
}
