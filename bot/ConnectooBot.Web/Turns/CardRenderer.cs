using System.Text.Json.Nodes;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// Turns a template from <c>dialogs-content/cards</c> into a card: binds values into a parsed copy (never by string
/// replacement in raw JSON), drops elements whose <c>$when</c> is empty, and gives every Action.Execute an
/// Action.Submit fallback carrying the same verb and data, for clients without Universal Actions.
/// Placeholders: <c>${t.key}</c> a text in the card's language, <c>${command.name}</c> a command word, <c>${name}</c> a value.
/// A text's counted words (<c>{name, plural, one {…} other {…}}</c>) take the form the card's value <c>name</c> asks for.
/// </summary>
public sealed class CardRenderer(UiContent content)
{
    public JsonObject Render(string template, string language, IReadOnlyDictionary<string, JsonNode?>? values = null)
    {
        if (!content.Templates.TryGetValue(template, out var source))
        {
            throw new KeyNotFoundException($"No card template '{template}'.");
        }

        var binder = new Binder(content, language, values ?? new Dictionary<string, JsonNode?>());
        var card = (JsonObject)binder.Bind(source)!;
        foreach (var spoken in (ReadOnlySpan<string>)["speak", "fallbackText"])
        {
            if (card[spoken] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                card[spoken] = SpokenText.Tidy(text);
            }
        }

        ActionFallbacks.Add(card);
        return card;
    }

    /// <summary>
    /// Builds the card as a new tree while reading the template, which it never changes: each node is made once (a
    /// card used to be deep-copied again at every level of its nesting, most of a turn's allocations).
    /// </summary>
    private sealed class Binder(UiContent content, string language, IReadOnlyDictionary<string, JsonNode?> values)
    {
        public JsonNode? Bind(JsonNode? node) => node switch
        {
            JsonObject obj => BindObject(obj),
            JsonArray array => BindArray(array),
            JsonValue value when value.TryGetValue<string>(out var text) => BindString(text),
            _ => node?.DeepClone(), // a number or a flag: a copy of the leaf
        };

        private JsonObject? BindObject(JsonObject obj)
        {
            var condition = obj["$when"];
            if (condition is not null && IsEmpty(Bind(condition)))
            {
                return null;
            }

            var bound = new JsonObject();
            foreach (var (name, child) in obj)
            {
                if (condition is null || name != "$when")
                {
                    bound[name] = Bind(child);
                }
            }

            return bound;
        }

        private JsonArray BindArray(JsonArray array)
        {
            var bound = new JsonArray();
            foreach (var item in array)
            {
                var result = Bind(item);
                if (result is JsonArray spliced && item is JsonValue)
                {
                    // "${rows}" standing alone in an array is replaced by the rows themselves.
                    foreach (var element in spliced.ToList())
                    {
                        spliced.Remove(element);
                        bound.Add(element);
                    }
                }
                else if (result is not null || item is null)
                {
                    bound.Add(result);
                }
            }

            return bound;
        }

        private JsonNode? BindString(string text)
        {
            var whole = ContentLoader.Placeholder().Match(text);
            var path = whole.Groups[1].Value;
            if (whole.Success && whole.Length == text.Length && !path.StartsWith("t.", StringComparison.Ordinal)
                && !path.StartsWith("command.", StringComparison.Ordinal))
            {
                // A value standing alone keeps its JSON type (number, bool, object, array); missing → null.
                return Resolve(path)?.DeepClone();
            }

            return JsonValue.Create(Interpolate(text, depth: 0));
        }

        private string Interpolate(string text, int depth) =>
            ContentLoader.Placeholder().Replace(text, m =>
            {
                var inner = Stringify(Resolve(m.Groups[1].Value));

                // Texts may contain value placeholders (e.g. "${input}") and counted words ("{passed, plural, …}"),
                // one level deep; values are never re-read.
                return depth == 0 && m.Groups[1].Value.StartsWith("t.", StringComparison.Ordinal)
                    ? Interpolate(PluralText.Resolve(inner, language, name => values.TryGetValue(name, out var v) ? Stringify(v) : null), depth + 1)
                    : inner;
            });

        private static string Stringify(JsonNode? node) =>
            node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? string.Empty;

        private JsonNode? Resolve(string path)
        {
            if (path.StartsWith("t.", StringComparison.Ordinal))
            {
                return JsonValue.Create(content.Text(language, path[2..]));
            }

            if (path.StartsWith("command.", StringComparison.Ordinal))
            {
                return JsonValue.Create(content.CommandWord(language, path["command.".Length..]));
            }

            return values.TryGetValue(path, out var value) ? value : null;
        }

        private static bool IsEmpty(JsonNode? node) => node switch
        {
            null => true,
            JsonArray a => a.Count == 0,
            JsonValue v when v.TryGetValue<bool>(out var b) => !b,
            JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrEmpty(s) || s == "false",
            _ => false,
        };
    }
}
