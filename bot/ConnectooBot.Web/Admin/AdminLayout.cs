using System.Text;
using static ConnectooBot.Web.Admin.AdminHtml;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// The frame of every dashboard page: <c>&lt;html lang&gt;</c>, skip link, the dashboard's navigation and the
/// language switch (landmarks: header, two labelled navs, main), the style sheet and the two scripts (Chart.js and the
/// page's chart code, both served by this host), and the chart data as a JSON block that no browser executes.
/// </summary>
internal sealed class AdminLayout(AdminTexts texts)
{
    public string Page(AdminPageFrame frame, string main, string? chartJson)
    {
        var language = frame.Language;
        var html = new StringBuilder(main.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
            .Append("<title>").Append(E(frame.Title)).Append(" – ").Append(E(texts[language, "admin.title"])).Append("</title>\n")
            .Append("<link rel=\"icon\" href=\"").Append(AdminAssets.Url(AdminAssets.Icon)).Append("\" type=\"image/svg+xml\">\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(AdminAssets.Url(AdminAssets.StyleSheet)).Append("\">\n");
        if (chartJson is not null)
        {
            html.Append("<script src=\"").Append(AdminAssets.Url(AdminAssets.ChartJs)).Append("\" defer></script>\n")
                .Append("<script src=\"").Append(AdminAssets.Url(AdminAssets.ChartScript)).Append("\" defer></script>\n");
        }

        html.Append("</head>\n<body>\n<a class=\"skip\" href=\"#main\">").Append(E(texts[language, "admin.skip"])).Append("</a>\n")
            .Append("<header>\n<p class=\"brand\">").Append(E(texts[language, "admin.title"])).Append("</p>\n");
        Navigation(html, frame);
        LanguageSwitch(html, frame);
        html.Append("</header>\n<main id=\"main\" tabindex=\"-1\">\n").Append(main).Append("</main>\n");
        if (chartJson is not null)
        {
            html.Append("<script type=\"application/json\" id=\"chart-data\">").Append(chartJson).Append("</script>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private void Navigation(StringBuilder html, AdminPageFrame frame)
    {
        var language = frame.Language;
        html.Append("<nav aria-label=\"").Append(E(texts[language, "admin.nav.label"])).Append("\"><ul>\n");
        if (frame.SignedIn)
        {
            Link(html, AdminPaths.Root + "?lang=" + language, texts[language, "admin.nav.programme"], frame.Path == AdminPaths.Root);
            Link(html, AdminPaths.Items + "?lang=" + language, texts[language, "admin.nav.items"], frame.Path == AdminPaths.Items);
            Link(html, AdminPaths.SignOut + "?lang=" + language, texts[language, "admin.nav.signout"], current: false);
        }

        html.Append("</ul></nav>\n");
    }

    private void LanguageSwitch(StringBuilder html, AdminPageFrame frame)
    {
        html.Append("<nav aria-label=\"").Append(E(texts[frame.Language, "admin.language"])).Append("\"><ul class=\"languages\">\n");
        foreach (var language in ConnectooBot.Learning.Catalog.Languages.All)
        {
            var name = E(texts[language, "language.name"]);
            html.Append("<li>");
            if (language == frame.Language)
            {
                html.Append("<span lang=\"").Append(language).Append("\" aria-current=\"true\">").Append(name).Append("</span>");
            }
            else
            {
                html.Append("<a href=\"").Append(E(frame.UrlIn(language))).Append("\" lang=\"").Append(language)
                    .Append("\" hreflang=\"").Append(language).Append("\">").Append(name).Append("</a>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul></nav>\n");
    }

    private static void Link(StringBuilder html, string href, string text, bool current)
    {
        html.Append("<li><a href=\"").Append(E(href)).Append('"');
        if (current)
        {
            html.Append(" aria-current=\"page\"");
        }

        html.Append('>').Append(E(text)).Append("</a></li>\n");
    }
}

/// <summary>What the frame needs to know of a page: its language, title, path, its other query values, who is in.</summary>
internal sealed record AdminPageFrame(string Language, string Title, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, bool SignedIn)
{
    /// <summary>The same page in another language (the other query values kept).</summary>
    public string UrlIn(string language)
    {
        var query = Query.Where(q => q.Key != "lang").Append(new("lang", language))
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value));
        return Path + "?" + string.Join("&", query);
    }

    public static AdminPageFrame For(HttpRequest request, string language, string title, bool signedIn) => new(
        language,
        title,
        request.Path.Value ?? AdminPaths.Root,
        [.. request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()))],
        signedIn);
}
