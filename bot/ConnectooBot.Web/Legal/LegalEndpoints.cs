using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Legal;

/// <summary>
/// <c>GET /legal/privacy</c>, <c>/legal/terms</c> and <c>/legal/about</c>: the pages the Teams manifest links to
/// (privacyUrl, termsOfUseUrl, websiteUrl). Language from <c>?lang=fr|nl|de|en</c>, else Accept-Language, else English.
/// Public, no authentication, no script.
/// </summary>
internal static class LegalEndpoints
{
    public const string Root = "/legal";

    internal static IEndpointRouteBuilder MapLegalPages(this IEndpointRouteBuilder endpoints)
    {
        var legal = endpoints.MapGroup(Root);
        foreach (var name in LegalLibrary.Names)
        {
            legal.MapMethods("/" + name, [HttpMethods.Get, HttpMethods.Head], (HttpContext http, LegalLibrary library, LegalPage page) =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
                headers.Vary = "Accept-Language";
                headers.CacheControl = "public, max-age=3600";
                var document = library.Get(name, RequestLanguage.Choose(http.Request));
                return Results.Content(page.Render(document), "text/html; charset=utf-8");
            });
        }

        return endpoints;
    }
}
