using System.Text.Json;

namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// The code and message of a connector error body, read defensively: <c>{"error":{"code","message"}}</c>,
/// <c>{"code","message"}</c>, and the nested <c>{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",…}"}</c>
/// (teams-protocol.md §5.3). Never throws: an unreadable body gives no code.
/// </summary>
internal sealed record ConnectorErrorBody(string? Code, string? Message)
{
    public static ConnectorErrorBody Empty { get; } = new(null, null);

    public static ConnectorErrorBody Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            return Read(document.RootElement, depth: 0);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static ConnectorErrorBody Read(JsonElement element, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        if (Property(element, "error") is { ValueKind: JsonValueKind.Object } error)
        {
            element = error;
        }

        var code = Text(Property(element, "subCode")) ?? Text(Property(element, "code")) ?? Text(Property(element, "errorCode"));
        var message = Text(Property(element, "message"));
        if (depth == 0 && message is not null && message.TrimStart().StartsWith('{'))
        {
            // Teams puts a JSON document inside the message string: its subCode is the meaningful code.
            var nested = ParseString(message);
            return new ConnectorErrorBody(nested.Code ?? code, nested.Message ?? message);
        }

        return new ConnectorErrorBody(code, message);
    }

    private static ConnectorErrorBody ParseString(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            return Read(document.RootElement, depth: 1);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.Value.GetString()) ? null : value.Value.GetString(),
        JsonValueKind.Number => value.Value.GetRawText(),
        _ => null,
    };
}
