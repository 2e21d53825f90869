using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Turns;

/// <summary>Builds the bodies of <c>adaptiveCard/action</c> invoke responses (teams-protocol.md §4.2).</summary>
public static class InvokeResponses
{
    public static InvokeResponse Card(JsonObject card) => Build(200, ContentTypes.AdaptiveCard, card);

    public static InvokeResponse Message(string text) => Build(200, ContentTypes.ActivityMessage, JsonValue.Create(text));

    public static InvokeResponse BadRequest(string message) =>
        Build(400, ContentTypes.Error, new JsonObject { ["code"] = "BadRequest", ["message"] = message });

    public static InvokeResponse NotImplemented { get; } = new(501, null);

    private static InvokeResponse Build(int statusCode, string type, JsonNode? value)
    {
        var body = new AdaptiveCardInvokeResponse { StatusCode = statusCode, Type = type, Value = value };
        var node = JsonSerializer.SerializeToNode(body, ProtocolJsonContext.Default.AdaptiveCardInvokeResponse);
        return new InvokeResponse(200, node);
    }
}
