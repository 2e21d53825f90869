using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// Every decision on a dashboard page, in one place: logged (path, tenant, outcome, the person as a hash); a signed-in
/// person without the role gets a readable 403 page in their language; a person not signed in is sent to sign in.
/// Other endpoints get ASP.NET Core's default handling.
/// </summary>
internal sealed class AdminAccessResultHandler(AdminMessagePages pages, AdminTexts texts, ILogger<AdminAccessResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (context.GetEndpoint()?.Metadata.GetMetadata<AdminEndpointMetadata>() is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var outcome = authorizeResult.Succeeded ? AdminAccessOutcome.Granted
            : authorizeResult.Forbidden ? AdminAccessOutcome.Forbidden
            : AdminAccessOutcome.Challenged;
        Log.AdminAccess(logger, context.Request.Path.Value ?? AdminPaths.Root, AdminUser.TenantId(context.User) ?? AdminUser.Unknown, AdminUser.Hash(context.User), outcome);
        if (outcome == AdminAccessOutcome.Forbidden)
        {
            var language = RequestLanguage.Choose(context.Request);
            var frame = AdminPageFrame.For(context.Request, language, texts[language, "admin.forbidden.title"], signedIn: false);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            AdminHtml.SecureHeaders(context.Response);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(pages.Forbidden(frame), context.RequestAborted);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
