using System.Text.Json.Nodes;

namespace ConnectooBot.Web.Tests.Hostile;

/// <summary>
/// Turns a well-formed Teams activity into a hostile one, reproducibly from a seed: fields removed, values of the
/// wrong type, huge strings, odd Unicode, deep nesting, invalid card data. Each mutant gets a fresh id, so the
/// duplicate filter does not hide it.
/// </summary>
internal sealed class ActivityMutator(int seed)
{
    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "\u202Eevil\u202C", "\u200B\u200B", "\uD800", "\uDFFF", "𝕮𝖔𝖓𝖓𝖊𝖈𝖙𝖔𝖔", "👩🏽‍💻🇧🇪", "<at>Connectoo</at>",
        "<script>alert(1)</script>", "'; DROP TABLE learners; --", "../../etc/passwd", "%00%2e%2e", "${t.welcome.title}",
        "{{APP_ID}}", "null", "true", "-1", "1e309", "NaN", "29:", "28:", "19:x@thread.tacv2;messageid=", new string('ä', 5000),
    ];

    private readonly Random _random = new(seed);

    public string Mutate(JsonObject seedActivity)
    {
        var activity = (JsonObject)seedActivity.DeepClone();
        activity["id"] = "fuzz-" + _random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mutations = 1 + _random.Next(4);
        for (var i = 0; i < mutations; i++)
        {
            var paths = Paths(activity).ToList();
            var (parent, key) = paths[_random.Next(paths.Count)];
            switch (_random.Next(8))
            {
                case 0:
                    Remove(parent, key);
                    break;
                case 1:
                    Set(parent, key, WrongType());
                    break;
                case 2:
                    Set(parent, key, JsonValue.Create(new string((char)('a' + _random.Next(26)), 1 + _random.Next(200_000))));
                    break;
                case 3:
                    Set(parent, key, JsonValue.Create(OddStrings[_random.Next(OddStrings.Length)]));
                    break;
                case 4:
                    Set(parent, key, Deep(10 + _random.Next(200)));
                    break;
                case 5:
                    activity["value"] = CardData();
                    break;
                case 6:
                    activity["type"] = JsonValue.Create(new[] { "message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "event", "typing", "Message", "INVOKE", "" }[_random.Next(10)]);
                    break;
                default:
                    activity["name"] = JsonValue.Create(new[] { "adaptiveCard/action", "task/fetch", "signin/verifyState", "composeExtension/query", "", "adaptiveCard/action\u0000" }[_random.Next(6)]);
                    break;
            }
        }

        var json = activity.ToJsonString();
        return _random.Next(20) == 0 ? Truncate(json) : json;
    }

    private JsonNode? WrongType() => _random.Next(6) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(int.MinValue, int.MaxValue)),
        2 => JsonValue.Create(_random.NextDouble() > 0.5),
        3 => new JsonArray(JsonValue.Create("x"), JsonValue.Create(1), null),
        4 => new JsonObject { ["unexpected"] = "object" },
        _ => JsonValue.Create(double.MaxValue),
    };

    private JsonObject CardData() => _random.Next(5) switch
    {
        0 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "quiz.answer", ["data"] = new JsonObject { ["m"] = "../../x", ["a"] = "-1", ["q"] = new string('q', 500), ["choice"] = "z" } } },
        1 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "lesson.go", ["data"] = new JsonObject { ["m"] = "digital-divide", ["from"] = int.MaxValue, ["to"] = int.MinValue } } },
        2 => new JsonObject { ["verb"] = "badge.share", ["b"] = "00000000000000000000000000000000", ["team"] = "19:not-mine@thread.tacv2" },
        3 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit", ["verb"] = new JsonArray() } },
        _ => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = OddStrings[_random.Next(OddStrings.Length)], ["data"] = Deep(50) } },
    };

    private JsonNode Deep(int depth)
    {
        JsonNode node = JsonValue.Create("bottom");
        for (var i = 0; i < depth; i++)
        {
            node = _random.Next(2) == 0 ? new JsonObject { ["n"] = node } : new JsonArray(node);
        }

        return node;
    }

    private string Truncate(string json) => json[.._random.Next(Math.Max(1, json.Length))];

    private static IEnumerable<(JsonNode Parent, object Key)> Paths(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key);
                    if (child is not null)
                    {
                        foreach (var inner in Paths(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i);
                    if (array[i] is { } child)
                    {
                        foreach (var inner in Paths(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static void Remove(JsonNode parent, object key)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove((string)key);
        }
        else if (parent is JsonArray array)
        {
            array.RemoveAt((int)key);
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else if (parent is JsonArray array)
        {
            array[(int)key] = value;
        }
    }
}
