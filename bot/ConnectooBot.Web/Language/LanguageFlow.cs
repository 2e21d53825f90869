using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Language;

/// <summary>
/// "language", a typed language name ("français", "Engels") and the language buttons: the learner's choice overrides
/// the Teams locale; progress is untouched. Every click is answered in the invoke response: in personal chat with a
/// card (the welcome kept in the new language, or the choice with the next step), in a channel with a short message
/// to the person who clicked, so the card the team shares stays as it is.
/// </summary>
internal sealed class LanguageFlow(LearnerSessions learners, LanguageCards cards, LanguageNames names, ILogger<LanguageFlow> logger)
{
    private const string FromWelcome = "welcome";

    /// <summary>"language" shows the choice; "language dutch", "Nederlands" or "anglais" switches at once.</summary>
    public Task OnCommandAsync(TurnContext turn, TextCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return (names.Find(command.Alias) ?? names.Find(command.Arguments)) is { } named
            ? SwitchAsync(turn, named, fromCard: false, fromWelcome: false, cancellationToken)
            : ShowAsync(turn, cancellationToken);
    }

    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        await turn.SendCardAsync(cards.Choice(LearnerSessions.LanguageFor(learner, turn.Activity)), cancellationToken);
    }

    public async Task SetAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var requested = CardData.Text(input.Data, "lang")?.Trim().ToLowerInvariant();
        if (!Languages.IsSupported(requested))
        {
            Log.LanguageChoiceRejected(logger, input.Data["lang"] is null ? "missing" : "unknown", TeamsActivity.KindOf(turn.Activity));
            await AskAgainAsync(turn, cancellationToken);
            return;
        }

        var fromWelcome = string.Equals(CardData.Text(input.Data, "from"), FromWelcome, StringComparison.Ordinal);
        await SwitchAsync(turn, requested!, fromCard: true, fromWelcome, cancellationToken);
    }

    private async Task SwitchAsync(TurnContext turn, string chosen, bool fromCard, bool fromWelcome, CancellationToken cancellationToken)
    {
        if (TeamsActivity.LearnerKeyOf(turn.Activity) is null)
        {
            // Nobody to remember the choice for (no tenant or no sender): show the choice in that language.
            await AnswerAsync(turn, fromCard, cards.Choice(chosen), cancellationToken);
            return;
        }

        var (learner, _) = await learners.ChangeAsync(turn.Activity, current =>
            (current.Language == chosen && current.LanguageChosen ? current : current with { Language = chosen, LanguageChosen = true }, true), cancellationToken);
        if (!TeamsActivity.IsPersonal(turn.Activity))
        {
            await TellAsync(turn, cards.Text(learner.Language, "language.changed.channel"), cancellationToken);
            return;
        }

        var card = fromWelcome ? cards.Welcome(learner.Language) : cards.Switched(learner);
        await AnswerAsync(turn, fromCard, card, cancellationToken);
    }

    /// <summary>A button without a language the bot knows (an old or forged card): the choice again, politely.</summary>
    private async Task AskAgainAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        var language = LearnerSessions.LanguageFor(learner, turn.Activity);
        if (!TeamsActivity.IsPersonal(turn.Activity))
        {
            await TellAsync(turn, cards.Text(language, "language.unknown"), cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(cards.Choice(language, cards.Text(language, "language.unknown")), cancellationToken);
    }

    private static Task AnswerAsync(TurnContext turn, bool fromCard, JsonObject card, CancellationToken cancellationToken) =>
        fromCard ? turn.ReplaceCardAsync(card, cancellationToken) : turn.SendCardAsync(card, cancellationToken);

    /// <summary>In a channel: to the clicker only (the invoke's message response), or in the thread for typed text and the Submit fallback.</summary>
    private static async Task TellAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        if (turn.IsInvoke)
        {
            turn.InvokeResponse = InvokeResponses.Message(text);
            return;
        }

        await turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);
    }
}
