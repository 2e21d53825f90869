using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectooBot.Protocol.Schema;

/// <summary>Teams <c>channelData</c> (teams-protocol.md §1.3). Every field is optional.</summary>
public sealed class TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }
    public TeamInfo? Team { get; set; }
    public ChannelInfo? Channel { get; set; }
    public string? EventType { get; set; }
    public TeamsChannelDataSettings? Settings { get; set; }
    public NotificationInfo? Notification { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class TenantInfo
{
    public string? Id { get; set; }
}

public sealed class TeamInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}

public sealed class ChannelInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
}

public sealed class TeamsChannelDataSettings
{
    public ChannelInfo? SelectedChannel { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class NotificationInfo
{
    public bool? Alert { get; set; }
    public bool? AlertInMeeting { get; set; }
}
