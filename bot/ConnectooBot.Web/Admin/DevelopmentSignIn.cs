using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// <c>GET /admin/dev-sign-in</c>, mapped only when the host runs in Development without Entra: a form to sign in with
/// or without the <c>Connectoo.Admin</c> role for a tenant, issuing the same cookie Entra would (object id, tenant id,
/// roles; no name). Outside Development the route does not exist (404).
/// </summary>
internal sealed class DevelopmentSignIn(AdminMessagePages pages, AdminTexts texts, IOptions<AdminOptions> options, ILogger<DevelopmentSignIn> logger)
{
    /// <summary>Fixed object ids: the development sign-in has two people, one with the role and one without.</summary>
    private const string AdminObjectId = "00000000-0000-0000-0000-00000000ad01";
    private const string ViewerObjectId = "00000000-0000-0000-0000-00000000ad02";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var language = RequestLanguage.Choose(request);
        var returnUrl = LocalReturnUrl(request.Query["returnUrl"].ToString());
        var choice = request.Query["as"].ToString();
        var tenant = request.Query["tenant"].ToString().Trim();
        if (choice is not ("admin" or "viewer") || tenant.Length == 0)
        {
            AdminHtml.SecureHeaders(http.Response);
            var frame = AdminPageFrame.For(request, language, texts[language, "admin.devsignin.title"], signedIn: false);
            return Results.Content(pages.DevelopmentSignIn(frame, tenant.Length > 0 ? tenant : options.Value.DevelopmentTenantId, returnUrl), "text/html; charset=utf-8");
        }

        var admin = choice == "admin";
        List<Claim> claims = [new("oid", admin ? AdminObjectId : ViewerObjectId), new("tid", tenant)];
        if (admin)
        {
            claims.Add(new Claim(AdminSchemes.RolesClaim, AdminOptions.Role));
        }

        Log.DevelopmentSignIn(logger, tenant, admin);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Development", "oid", AdminSchemes.RolesClaim));
        await http.SignInAsync(AdminSchemes.Cookie, principal);
        return Results.Redirect(returnUrl);
    }

    /// <summary>Only a dashboard address on this host (never another site: no open redirect).</summary>
    private static string LocalReturnUrl(string value) =>
        value.StartsWith(AdminPaths.Root, StringComparison.Ordinal) && !value.StartsWith(AdminPaths.DevSignIn, StringComparison.Ordinal)
        && !value.Contains("//", StringComparison.Ordinal) && !value.Contains('\\', StringComparison.Ordinal)
            ? value
            : AdminPaths.Root;
}
