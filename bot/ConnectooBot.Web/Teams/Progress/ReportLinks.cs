using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ConnectooBot.Web.Badges;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Teams.Progress;

/// <summary>
/// Short-lived signed links to a team's per-person CSV: the token names the tenant, the team, the manager it was made
/// for and its expiry, with an HMAC whose key is derived (HKDF) from the badge signing key — so every instance of the
/// bot checks the links of every other without a new secret.
/// </summary>
internal sealed class ReportLinks(BadgeSigningKey signingKey, IOptions<BadgeOptions> badges, TimeProvider time)
{
    public const string Path = "/reports/team-progress.csv";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly byte[] _key = DeriveKey(signingKey);

    public string Create(string tenantId, string teamId, string managerId)
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = Base64UrlEncoder.Encode(string.Join('\n', tenantId, teamId, managerId, expires));
        return $"{badges.Value.PublicBaseUrl}{Path}?t={payload}.{Sign(payload)}";
    }

    /// <summary>The link's tenant, team and manager when its signature is right and it has not expired; otherwise null.</summary>
    public (string TenantId, string TeamId, string ManagerId)? Read(string? token)
    {
        if (token?.Split('.') is not [var payload, var signature]
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(payload)), Encoding.ASCII.GetBytes(signature)))
        {
            return null;
        }

        string text;
        try
        {
            text = Base64UrlEncoder.Decode(payload);
        }
        catch (FormatException)
        {
            return null;
        }

        return text.Split('\n') is [var tenant, var team, var manager, var expires]
            && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            && time.GetUtcNow().ToUnixTimeSeconds() < unix
                ? (tenant, team, manager)
                : null;
    }

    private string Sign(string payload) => Base64UrlEncoder.Encode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));

    private static byte[] DeriveKey(BadgeSigningKey key)
    {
        var secret = key.SigningCredentials.Key switch
        {
            ECDsaSecurityKey ec => ec.ECDsa.ExportPkcs8PrivateKey(),
            RsaSecurityKey rsa => rsa.Rsa.ExportPkcs8PrivateKey(),
            _ => throw new InvalidOperationException("The badge signing key cannot derive report links."),
        };
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("connectoo/report-links/v1"));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
