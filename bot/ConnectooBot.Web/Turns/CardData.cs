using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectooBot.Web.Turns;

/// <summary>Reads values from a card action's data defensively: forged or old cards may carry anything.</summary>
internal static class CardData
{
    private const int MaxLength = 100;

    public static string? Text(JsonObject data, string name) =>
        data[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length is > 0 and <= MaxLength ? text : null;

    public static int? Number(JsonObject data, string name) => data[name] switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
