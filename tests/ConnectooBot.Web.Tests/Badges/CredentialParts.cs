using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace ConnectooBot.Web.Tests.Badges;

/// <summary>Reads and rebuilds compact JWS parts, to inspect a credential or tamper with it.</summary>
internal static class CredentialParts
{
    public static JsonObject Header(string jws) => Decode(jws.Split('.')[0]);

    public static JsonObject Payload(string jws) => Decode(jws.Split('.')[1]);

    /// <summary>The same token with another payload and the original signature.</summary>
    public static string WithPayload(string jws, JsonObject payload)
    {
        var parts = jws.Split('.');
        return parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
    }

    private static JsonObject Decode(string part) => (JsonObject)JsonNode.Parse(Base64Url.DecodeFromChars(part))!;
}
