using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Learning.Privacy;

namespace ConnectooBot.Web.Privacy;

/// <summary>
/// GET /my-data?t=… (a readable page) and /my-data.json?t=… (the same data for machines): everything the bot keeps
/// about the person the signed link was made for, while it is valid. Never cached.
/// </summary>
internal static class PersonalDataEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    internal static IEndpointRouteBuilder MapPersonalDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PersonalDataLinks.JsonPath, async (HttpContext http, PersonalDataLinks links, PersonalDataStore store, CancellationToken ct) =>
            await CollectAsync(http, links, store, ct) is { } mine
                ? Results.Text(JsonSerializer.Serialize(mine, Json), "application/json", Encoding.UTF8)
                : Results.NotFound());
        endpoints.MapGet(PersonalDataLinks.PagePath, async (HttpContext http, PersonalDataLinks links, PersonalDataStore store, PersonalDataSummary summary, UiContent content, CancellationToken ct) =>
        {
            var language = RequestLanguage.Choose(http.Request);
            var mine = await CollectAsync(http, links, store, ct);
            var body = new StringBuilder();
            if (mine is null)
            {
                body.Append("<p>").Append(Encode(content.Text(language, "mydata.page.expired"))).Append("</p>");
            }
            else
            {
                body.Append("<dl>");
                foreach (var (label, value) in summary.Lines(mine, language))
                {
                    body.Append("<dt>").Append(Encode(label)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");
                }

                body.Append("</dl><details><summary>JSON</summary><pre>").Append(Encode(JsonSerializer.Serialize(mine, Json))).Append("</pre></details>");
            }

            var html = $$"""
                <!DOCTYPE html>
                <html lang="{{language}}">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><title>{{Encode(content.Text(language, "mydata.page.heading"))}}</title>
                <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}pre{white-space:pre-wrap;word-break:break-word;background:#f5f5f5;padding:1rem}dt{font-weight:bold}dd{margin:0 0 .75rem}</style></head>
                <body><main><h1>{{Encode(content.Text(language, "mydata.page.heading"))}}</h1>
                {{body}}
                </main></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, mine is null ? 404 : 200);
        });
        return endpoints;
    }

    private static async Task<PersonalData?> CollectAsync(HttpContext http, PersonalDataLinks links, PersonalDataStore store, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        return links.Read(http.Request.Query["t"]) is { } key
            ? await store.CollectAsync(key, cancellationToken)
            : null;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
