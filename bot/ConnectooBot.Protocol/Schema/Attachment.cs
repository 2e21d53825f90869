using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConnectooBot.Protocol.Schema;

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public JsonNode? Content { get; set; }
    public string? ContentUrl { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    public static Attachment AdaptiveCard(JsonObject card) =>
        new() { ContentType = ContentTypes.AdaptiveCard, Content = card };
}

/// <summary>An entity such as <c>clientInfo</c> or <c>mention</c>; fields beyond <c>type</c> stay loose.</summary>
public sealed class Entity
{
    public string? Type { get; set; }
    public ChannelAccount? Mentioned { get; set; }
    public string? Text { get; set; }
    public string? Locale { get; set; }
    public string? Country { get; set; }
    public string? Platform { get; set; }
    public string? Timezone { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class SuggestedActions
{
    public IList<string>? To { get; set; }
    public IList<CardAction>? Actions { get; set; }
}

public sealed class CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public JsonNode? Value { get; set; }
}
