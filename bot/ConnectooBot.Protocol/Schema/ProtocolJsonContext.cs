using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConnectooBot.Protocol.Schema;

/// <summary>
/// Source-generated JSON for every wire type: camelCase out, case-insensitive in (Teams spells some fields
/// inconsistently), nulls omitted on output.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(TeamDetails))]
[JsonSerializable(typeof(ConversationList))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
