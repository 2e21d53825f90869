using ConnectooBot.Web.Turns;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// The stable public URLs of the issuer. They are identifiers inside signed credentials, so they never change shape.
/// </summary>
public sealed class BadgeUrls(IOptions<BadgeOptions> options) : IPublicAddress
{
    /// <summary>The bot's public address (<c>Badges:PublicBaseUrl</c>), also the root of links to reports and personal data.</summary>
    public string BaseUrl => options.Value.PublicBaseUrl;

    public const string Root = "/badges";

    private string Base => options.Value.PublicBaseUrl + Root;

    /// <summary>The issuer Profile; also the credentials' <c>issuer.id</c> and JWT <c>iss</c>.</summary>
    public string Issuer => Base + "/issuer";

    public string Jwks => Base + "/jwks.json";

    /// <summary>
    /// The same key set where verifiers look for it (OB 3.0 implementation guide, key provenance:
    /// <c>https://{authority}/.well-known/jwks.json</c>).
    /// </summary>
    public string WellKnownJwks => options.Value.PublicBaseUrl + WellKnownJwksPath;

    public const string WellKnownJwksPath = "/.well-known/jwks.json";

    /// <summary>The plain (unbaked) badge image.</summary>
    public string Image => Base + "/image.png";

    /// <summary>The Bitstring Status List credential that says which badges are revoked.</summary>
    public string RevocationList => Base + "/status/revocation";

    /// <summary>The Achievement in one language.</summary>
    public string Achievement(string language) => Base + "/achievement/" + language;

    public string Key(string thumbprint) => Base + "/keys/" + thumbprint;

    /// <summary>The badge's page; also the credential's <c>id</c> and JWT <c>jti</c>.</summary>
    public string Badge(string badgeId) => Base + "/" + badgeId;

    public string Credential(string badgeId) => Badge(badgeId) + "/credential";

    public string CredentialJson(string badgeId) => Badge(badgeId) + "/credential.json";

    /// <summary>The compact JWS as a file to download and import into a wallet (<c>application/vc+jwt</c>, attachment).</summary>
    public string WalletCredential(string badgeId) => Badge(badgeId) + "/credential.jwt";

    public string Verify(string badgeId) => Badge(badgeId) + "/verify";

    /// <summary>The badge image with this badge's credential baked in.</summary>
    public string BakedImage(string badgeId) => Badge(badgeId) + "/image.png";

    /// <summary>The badge id of a credential id made by <see cref="Badge"/>, or null.</summary>
    public string? BadgeIdOf(string? credentialId)
    {
        var prefix = Base + "/";
        return credentialId is not null && credentialId.StartsWith(prefix, StringComparison.Ordinal)
            ? credentialId[prefix.Length..]
            : null;
    }
}
