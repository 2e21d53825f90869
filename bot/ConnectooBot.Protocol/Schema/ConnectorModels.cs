using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConnectooBot.Protocol.Schema;

/// <summary><c>{ "id": … }</c> returned by send, reply and update.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST /v3/conversations</c> (teams-protocol.md §3.4, §3.5).</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public IList<ChannelAccount>? Members { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
}

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

public sealed class PagedMembersResult
{
    public string? ContinuationToken { get; set; }
    public IList<TeamsChannelAccount>? Members { get; set; }
}

public sealed record TeamDetails(string? Id, string? Name, string? AadGroupId);

public sealed record ChannelSummary(string? Id, string? Name);

public sealed class ConversationList
{
    public IList<ChannelSummary>? Conversations { get; set; }
}

/// <summary><c>{ "error": { "code", "message" } }</c> as the connector returns it.</summary>
public sealed class ErrorResponse
{
    public ErrorBody? Error { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ErrorBody
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}

/// <summary>The HTTP status and body returned for an invoke activity.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body);

/// <summary>The body of an <c>adaptiveCard/action</c> invoke response (teams-protocol.md §4.2).</summary>
public sealed class AdaptiveCardInvokeResponse
{
    public int StatusCode { get; set; } = 200;
    public string? Type { get; set; }
    public JsonNode? Value { get; set; }
}
