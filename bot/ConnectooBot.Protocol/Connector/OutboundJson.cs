using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// Request bodies, serialised with <see cref="ProtocolJsonContext"/> without touching the caller's objects.
/// Outbound activities lose <c>id</c>, <c>serviceUrl</c> and <c>timestamp</c> (the connector assigns them);
/// an update keeps <c>id</c> = the activity it replaces.
/// </summary>
internal static class OutboundJson
{
    private static readonly string[] ServerAssigned = ["id", "serviceUrl", "timestamp"];

    public static byte[] Activity(Activity activity, string? id = null, string? replyToId = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var node = ActivityNode(activity);
        if (id is not null)
        {
            node["id"] = id;
        }

        if (replyToId is not null && node["replyToId"] is null)
        {
            node["replyToId"] = replyToId;
        }

        return Utf8(node);
    }

    /// <summary>Create-conversation parameters, with the tenant both as <c>tenantId</c> and <c>channelData.tenant.id</c> (§3.4).</summary>
    public static byte[] Conversation(ConversationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var tenantId = parameters.TenantId ?? parameters.ChannelData?.Tenant?.Id;
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            throw new ArgumentException("Creating a conversation needs the tenant id (TenantId or ChannelData.Tenant.Id).", nameof(parameters));
        }

        var node = JsonSerializer.SerializeToNode(parameters, ProtocolJsonContext.Default.ConversationParameters)!.AsObject();
        node["tenantId"] = tenantId;
        if (node["channelData"] is not JsonObject channelData)
        {
            channelData = [];
            node["channelData"] = channelData;
        }

        if (channelData["tenant"] is not JsonObject tenant)
        {
            tenant = [];
            channelData["tenant"] = tenant;
        }

        tenant["id"] = tenantId;
        if (parameters.Activity is not null)
        {
            node["activity"] = ActivityNode(parameters.Activity);
        }

        return Utf8(node);
    }

    private static JsonObject ActivityNode(Activity activity)
    {
        var node = JsonSerializer.SerializeToNode(activity, ProtocolJsonContext.Default.Activity)!.AsObject();
        var assigned = node
            .Select(property => property.Key)
            .Where(key => ServerAssigned.Contains(key, StringComparer.OrdinalIgnoreCase))
            .ToList();
        foreach (var key in assigned)
        {
            node.Remove(key);
        }

        return node;
    }

    private static byte[] Utf8(JsonObject node) => JsonSerializer.SerializeToUtf8Bytes(node, ProtocolJsonContext.Default.JsonObject);
}
