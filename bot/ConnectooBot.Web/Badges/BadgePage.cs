using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ConnectooBot.Learning.Badges;
using Microsoft.Extensions.Options;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// The verification page a person reads, in one of the four languages: name, date, issuer, module scores and the
/// status said in words (the colour only repeats it), the credential to download for a wallet, with links for tools. Every word comes from
/// <c>strings/badge.&lt;lang&gt;.yaml</c>; every value is HTML-encoded.
/// </summary>
public sealed class BadgePage(BadgeTexts texts, BadgeUrls urls, BadgeCourseView course, IOptions<BadgeOptions> options)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public string Render(BadgeRecord record, BadgeVerification verification, string language)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(verification);
        var award = record.Award;
        var issuer = options.Value.IssuerName;
        var body = new StringBuilder();
        body.Append("<h1>").Append(T(language, "badge.page.heading")).Append("</h1>\n");
        body.Append("<p>").Append(F(language, "badge.page.intro", ("issuer", issuer))).Append("</p>\n");
        body.Append(Status(verification, language, issuer));
        body.Append("<div class=\"badge\">\n<img src=\"").Append(Attr(urls.Image)).Append("\" width=\"192\" height=\"192\" alt=\"")
            .Append(Attr(texts[language, "badge.page.image.alt"])).Append("\">\n<dl>\n");
        Term(body, T(language, "badge.page.holder"), Html.Encode(award.DisplayName));
        Term(body, T(language, "badge.page.issued"), Html.Encode(Date(award.IssuedAt, language)));
        Term(body, T(language, "badge.page.issuer"), Html.Encode(issuer));
        body.Append("</dl>\n</div>\n");
        body.Append(Scores(award, language));
        body.Append(Wallet(award.BadgeId, verification, language));
        body.Append(Links(award.BadgeId, language));
        return Document(language, F(language, "badge.page.title", ("name", award.DisplayName)), body.ToString(), LanguageLinks(urls.Badge(award.BadgeId), language));
    }

    public string NotFound(string language, string requestedUrl) =>
        Document(
            language,
            T(language, "badge.notfound.title"),
            "<h1>" + T(language, "badge.notfound.title") + "</h1>\n<p>" + T(language, "badge.notfound.text") + "</p>\n",
            LanguageLinks(requestedUrl, language));

    private string Status(BadgeVerification verification, string language, string issuer)
    {
        var (css, mark, text, detail) = verification switch
        {
            BadgeVerification.Valid => ("valid", "✓", F(language, "badge.page.status.valid", ("issuer", issuer)), null),
            BadgeVerification.Revoked revoked => (
                "revoked",
                "✗",
                F(language, "badge.page.status.revoked", ("date", Date(revoked.RevokedAt, language))),
                revoked.Reason == BadgeRevocation.ErasedReason ? null : F(language, "badge.page.status.reason", ("reason", revoked.Reason))),
            _ => ("invalid", "!", T(language, "badge.page.status.invalid"), null),
        };
        var html = new StringBuilder();
        html.Append("<section class=\"status ").Append(css).Append("\" aria-labelledby=\"status-heading\">\n")
            .Append("<h2 id=\"status-heading\">").Append(T(language, "badge.page.status.heading")).Append("</h2>\n")
            .Append("<p><span class=\"mark\" aria-hidden=\"true\">").Append(mark).Append("</span> <strong>").Append(text).Append("</strong></p>\n");
        if (detail is not null)
        {
            html.Append("<p>").Append(detail).Append("</p>\n");
        }

        return html.Append("</section>\n").ToString();
    }

    private string Scores(BadgeAward award, string language)
    {
        var html = new StringBuilder();
        html.Append("<h2>").Append(T(language, "badge.page.scores.heading")).Append("</h2>\n<table>\n<thead><tr><th scope=\"col\">")
            .Append(T(language, "badge.page.scores.module")).Append("</th><th scope=\"col\">")
            .Append(T(language, "badge.page.scores.score")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var (score, position) in award.ModuleScores.Select((s, i) => (s, i)))
        {
            html.Append("<tr><th scope=\"row\">").Append(Html.Encode(course.ModuleTitle(score.ModuleId, language, position)))
                .Append("</th><td>").Append(F(language, "badge.page.scores.value", ("score", score.Percent.ToString(CultureInfo.InvariantCulture))))
                .Append("</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>"Download for my wallet": what the file is and what to do with it; a revoked badge says so here too.</summary>
    private string Wallet(string badgeId, BadgeVerification verification, string language)
    {
        var html = new StringBuilder();
        html.Append("<section aria-labelledby=\"wallet-heading\">\n<h2 id=\"wallet-heading\">").Append(T(language, "badge.wallet.heading"))
            .Append("</h2>\n<p>").Append(T(language, "badge.wallet.text")).Append("</p>\n");
        if (verification is BadgeVerification.Revoked)
        {
            html.Append("<p><strong>").Append(T(language, "badge.wallet.revoked")).Append("</strong></p>\n");
        }

        return html.Append("<p><a href=\"").Append(Attr(urls.WalletCredential(badgeId))).Append("\" download type=\"")
            .Append(OpenBadgesTerms.VcJwtMediaType).Append("\">").Append(T(language, "badge.wallet.link")).Append("</a></p>\n</section>\n")
            .ToString();
    }

    private string Links(string badgeId, string language)
    {
        var html = new StringBuilder();
        html.Append("<h2>").Append(T(language, "badge.page.details.heading")).Append("</h2>\n<p>")
            .Append(T(language, "badge.page.details.text")).Append("</p>\n<ul>\n");
        foreach (var (url, key) in new[]
        {
            (urls.BakedImage(badgeId), "badge.page.links.image"),
            (urls.Credential(badgeId), "badge.page.links.credential"),
            (urls.CredentialJson(badgeId), "badge.page.links.json"),
            (urls.Verify(badgeId), "badge.page.links.verify"),
            (urls.Issuer, "badge.page.links.issuer"),
            (urls.Jwks, "badge.page.links.key"),
        })
        {
            html.Append("<li><a href=\"").Append(Attr(url)).Append("\">").Append(T(language, key)).Append("</a></li>\n");
        }

        return html.Append("</ul>\n").ToString();
    }

    private string LanguageLinks(string pageUrl, string current)
    {
        var html = new StringBuilder();
        html.Append("<nav aria-label=\"").Append(Attr(texts[current, "badge.page.language"])).Append("\"><ul>\n");
        foreach (var language in Languages.All)
        {
            var name = T(language, "language.name");
            html.Append("<li>");
            if (language == current)
            {
                html.Append("<span lang=\"").Append(language).Append("\" aria-current=\"page\">").Append(name).Append("</span>");
            }
            else
            {
                html.Append("<a href=\"").Append(Attr(pageUrl + "?lang=" + language)).Append("\" lang=\"").Append(language)
                    .Append("\" hreflang=\"").Append(language).Append("\">").Append(name).Append("</a>");
            }

            html.Append("</li>\n");
        }

        return html.Append("</ul></nav>\n").ToString();
    }

    private static string Document(string language, string title, string main, string nav) =>
        $$"""
        <!DOCTYPE html>
        <html lang="{{language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{{title}}</title>
        <style>
        body{margin:0;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#f4f6f9}
        header,main{max-width:44rem;margin:0 auto;padding:0 1.25rem}
        header{padding-top:.75rem}
        nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
        a{color:#0b2d5b;text-underline-offset:.15em}
        a:focus-visible{outline:3px solid #0b2d5b;outline-offset:2px}
        h1{color:#0b2d5b}
        .status{background:#fff;border:2px solid;border-left-width:.6rem;padding:0 1rem;margin:1rem 0}
        .status.valid{border-color:#1e6b30}.status.revoked{border-color:#a4161a}.status.invalid{border-color:#7a4b00}
        .mark{font-weight:bold;font-size:1.25rem}
        .badge{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:center}
        dl{margin:0}dt{font-weight:bold}dd{margin:0 0 .5rem 0}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #c7ccd4}
        tbody th{font-weight:normal}
        </style>
        </head>
        <body>
        <header>
        {{nav}}</header>
        <main>
        {{main}}</main>
        </body>
        </html>

        """;

    private static void Term(StringBuilder html, string term, string definition) =>
        html.Append("<dt>").Append(term).Append("</dt><dd>").Append(definition).Append("</dd>\n");

    private static string Date(DateTimeOffset value, string language) => LocalDates.Format(value, language);

    private string T(string language, string key) => Html.Encode(texts[language, key]);

    /// <summary>A text with values, encoded as a whole (the values are plain text too).</summary>
    private string F(string language, string key, params (string Name, string Value)[] values) =>
        Html.Encode(texts.Format(language, key, values));

    private static string Attr(string value) => Html.Encode(value);
}
