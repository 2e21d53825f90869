using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// The dashboard's authorization policy: signed in through the dashboard's cookie, with the <c>Connectoo.Admin</c> app
/// role claim (<c>roles</c> as Entra writes it, or its mapped ClaimTypes.Role form) and a tenant id.
/// </summary>
internal static class AdminAccessPolicy
{
    public const string Name = "ConnectooAdmin";

    public static AuthorizationPolicy Build() => new AuthorizationPolicyBuilder(AdminSchemes.Cookie)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => HasRole(context.User) && AdminUser.TenantId(context.User) is not null)
        .Build();

    public static bool HasRole(ClaimsPrincipal user) =>
        user.HasClaim(c => (c.Type == AdminSchemes.RolesClaim || c.Type == ClaimTypes.Role) && c.Value == AdminOptions.Role);
}

/// <summary>The dashboard's authentication schemes, kept apart from anything else the host may authenticate.</summary>
internal static class AdminSchemes
{
    public const string Cookie = "ConnectooAdminCookie";
    public const string Entra = "ConnectooAdminEntra";
    public const string CookieName = "connectoo-admin";
    public const string RolesClaim = "roles";
}

/// <summary>Marks the dashboard's pages, whose access the <see cref="AdminAccessResultHandler"/> logs and answers.</summary>
internal sealed class AdminEndpointMetadata;
