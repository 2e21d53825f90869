using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// Signs a payload as a compact JWS (OB 3.0 §8.2.5 "Create the Proof", with "an existing, stable library"). The JOSE
/// header carries exactly <c>alg</c>, <c>kid</c> and <c>typ: JWT</c> (§8.2.3: "Additional JOSE Headers are NOT allowed");
/// no time claims are added beyond those in the payload.
/// </summary>
public sealed class CredentialSigner(BadgeSigningKey key)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Sign(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Handler.CreateToken(payload.ToJsonString(), key.SigningCredentials);
    }
}
