using Microsoft.AspNetCore.Mvc;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// The dashboard's routes: <c>/admin</c>, <c>/admin/items</c> and <c>/admin/items/{moduleId}.csv</c> behind the admin policy; the static assets (no data);
/// sign-out; and <c>/admin/dev-sign-in</c> only in <see cref="AdminMode.DevelopmentSignIn"/>.
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminPages(this IEndpointRouteBuilder endpoints, AdminMode mode)
    {
        if (mode == AdminMode.Off)
        {
            return endpoints;
        }

        var pages = endpoints.MapGroup(AdminPaths.Root)
            .RequireAuthorization(AdminAccessPolicy.Name)
            .WithMetadata(new AdminEndpointMetadata());
        pages.MapGet(string.Empty, ([FromServices] AdminPageHandler handler, HttpContext http, CancellationToken ct) => handler.ProgrammeAsync(http, ct));
        pages.MapGet("/items", ([FromServices] AdminPageHandler handler, HttpContext http, CancellationToken ct) => handler.ItemsAsync(http, ct));
        pages.MapGet("/items/{moduleId}.csv", ([FromServices] AdminPageHandler handler, HttpContext http, string moduleId, CancellationToken ct) =>
            handler.ItemCsvAsync(http, moduleId, ct));

        endpoints.MapGet(AdminPaths.Assets + "/{name}", (string name, HttpContext http) =>
        {
            if (!AdminAssets.TryGet(name, out var content, out var type))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(content, type);
        });
        endpoints.MapGet(AdminPaths.SignOut, (HttpContext http) => AdminAuthentication.SignOut(mode, RequestLanguage.Choose(http.Request)));
        if (mode == AdminMode.DevelopmentSignIn)
        {
            endpoints.MapGet(AdminPaths.DevSignIn, ([FromServices] DevelopmentSignIn signIn, HttpContext http) => signIn.HandleAsync(http));
        }

        return endpoints;
    }
}
