using System.Text.Json.Nodes;

namespace ConnectooBot.Testing.Conversations;

/// <summary>What a person sees on an Adaptive Card: its title, all its text, its buttons.</summary>
public sealed class CardView(JsonObject card)
{
    public JsonObject Json { get; } = card;

    /// <summary>The id of the message that carries this card (what a click's replyToId names).</summary>
    public string? MessageId { get; init; }

    /// <summary>The first TextBlock's text.</summary>
    public string Title => TextBlocks().FirstOrDefault() ?? string.Empty;

    /// <summary>Every TextBlock and FactSet text, in order.</summary>
    public IReadOnlyList<string> Texts => [.. TextBlocks()];

    /// <summary>Every Action.Execute or Action.Submit (a Submit fallback is not a separate button).</summary>
    public IReadOnlyList<JsonObject> Buttons => [.. Walk(Json).Where(o => o["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit")];

    /// <summary>The values of every choice of every Input.ChoiceSet.</summary>
    public IReadOnlyList<string> Choices =>
        [.. Walk(Json).Where(o => o["type"]?.GetValue<string>() == "Input.ChoiceSet")
            .SelectMany(o => o["choices"] as JsonArray ?? [])
            .Select(c => c?["value"]?.GetValue<string>())
            .OfType<string>()];

    public JsonObject Button(string title) =>
        Buttons.FirstOrDefault(b => string.Equals(b["title"]?.GetValue<string>(), title, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No button '{title}' on the card '{Title}'. Buttons: {string.Join(", ", Buttons.Select(b => b["title"]?.GetValue<string>()))}");

    public bool Mentions(string text) => Texts.Any(t => t.Contains(text, StringComparison.Ordinal));

    public override string ToString() => Json.ToJsonString();

    private IEnumerable<string> TextBlocks()
    {
        foreach (var element in Walk(Json))
        {
            var type = element["type"]?.GetValue<string>();
            if (type == "TextBlock" && element["text"] is JsonValue text)
            {
                yield return text.GetValue<string>();
            }
            else if (type == "FactSet" && element["facts"] is JsonArray facts)
            {
                foreach (var fact in facts.OfType<JsonObject>())
                {
                    yield return $"{fact["title"]?.GetValue<string>()} {fact["value"]?.GetValue<string>()}";
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (key, child) in obj)
            {
                if (key == "fallback")
                {
                    continue; // the Submit fallback is the same button
                }

                foreach (var inner in Walk(child))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                foreach (var inner in Walk(child))
                {
                    yield return inner;
                }
            }
        }
    }
}
