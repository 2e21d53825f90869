using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Identity.Web;

namespace ConnectooBot.Web.Admin;

/// <summary>Who is signed in, as the dashboard needs it: the tenant whose snapshot they see, and a hash for the access log.</summary>
internal static class AdminUser
{
    public const string Unknown = "-";

    /// <summary>The Entra tenant id (<c>tid</c>), or null when the sign-in did not say.</summary>
    public static string? TenantId(ClaimsPrincipal user) => user.GetTenantId() is { Length: > 0 } tenant ? tenant : null;

    /// <summary>SHA-256 of tenant and object id, 16 hex characters: the same person gives the same hash, no one can read it back.</summary>
    public static string Hash(ClaimsPrincipal user)
    {
        if (user.GetObjectId() is not { Length: > 0 } objectId)
        {
            return Unknown;
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("connectoo-admin:" + TenantId(user) + ":" + objectId));
        return Convert.ToHexStringLower(bytes)[..16];
    }
}
