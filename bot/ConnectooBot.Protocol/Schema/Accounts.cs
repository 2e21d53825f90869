using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectooBot.Protocol.Schema;

/// <summary>A user or bot account. Roster payloads name the Entra id <c>objectId</c>, activities <c>aadObjectId</c>.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A member as returned by the roster APIs (teams-protocol.md §3.6).</summary>
public sealed class TeamsChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ObjectId { get; set; }
    public string? AadObjectId { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? TenantId { get; set; }
    public string? UserRole { get; set; }

    /// <summary>The Entra object id under whichever name the payload used.</summary>
    [JsonIgnore]
    public string? EntraObjectId => ObjectId ?? AadObjectId;

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class MessageReaction
{
    public string? Type { get; set; }
}
