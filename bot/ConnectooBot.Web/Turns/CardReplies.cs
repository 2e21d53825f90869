using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Turns;

/// <summary>Renders a template and answers with it: in place of a clicked card, or as a new message.</summary>
internal sealed class CardReplies(CardRenderer renderer, UiContent content)
{
    public string Text(string language, string key) => content.Text(language, key);

    public string Format(string language, string key, params (string Name, object Value)[] values) => content.Format(language, key, values);

    public JsonObject Render(string template, string language, IReadOnlyDictionary<string, JsonNode?>? values = null) =>
        renderer.Render(template, language, values);

    public Task SendAsync(TurnContext turn, string template, string language, CancellationToken cancellationToken, IReadOnlyDictionary<string, JsonNode?>? values = null) =>
        turn.SendCardAsync(Render(template, language, values), cancellationToken);

    /// <summary>
    /// A card below the clicked one, which stays as it was (an answer the learner may still want, such as the lesson's
    /// quote under a subject's pointer); a click gets "Opened in a new message below." as its invoke response.
    /// </summary>
    public Task OpenBelowAsync(TurnContext turn, string template, string language, CancellationToken cancellationToken, IReadOnlyDictionary<string, JsonNode?>? values = null) =>
        OpenBelowAsync(turn, Render(template, language, values), language, cancellationToken);

    /// <inheritdoc cref="OpenBelowAsync(TurnContext, string, string, CancellationToken, IReadOnlyDictionary{string, JsonNode?}?)"/>
    public async Task OpenBelowAsync(TurnContext turn, JsonObject card, string language, CancellationToken cancellationToken)
    {
        await turn.SendCardAsync(card, cancellationToken);
        if (turn.IsInvoke)
        {
            turn.InvokeResponse = InvokeResponses.Message(Text(language, "journey.opened"));
        }
    }

    /// <summary>After a button press the card is replaced; after typed text a new card is sent.</summary>
    public Task AnswerAsync(TurnContext turn, bool fromCard, string template, string language, CancellationToken cancellationToken, IReadOnlyDictionary<string, JsonNode?>? values = null)
    {
        var card = Render(template, language, values);
        return fromCard ? turn.ReplaceCardAsync(card, cancellationToken) : turn.SendCardAsync(card, cancellationToken);
    }
}
