using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Legal;

/// <summary>
/// A legal text as a complete, readable HTML page without script: the page language in <c>&lt;html lang&gt;</c>,
/// links to the same page in the other languages (each named in its own language) and to the other legal texts.
/// </summary>
public sealed class LegalPage(LegalLibrary library, UiContent content)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public string Render(LegalDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var nav = new StringBuilder("<nav><ul>\n");
        foreach (var language in Languages.All)
        {
            var name = Html.Encode(content.Text(language, "language.name"));
            nav.Append(language == document.Language
                ? $"<li><span lang=\"{language}\" aria-current=\"page\">{name}</span></li>\n"
                : $"<li><a href=\"{document.Name}?lang={language}\" lang=\"{language}\" hreflang=\"{language}\">{name}</a></li>\n");
        }

        var footer = new StringBuilder("<footer><ul>\n");
        foreach (var other in LegalLibrary.Names.Select(name => library.Get(name, document.Language)))
        {
            var title = Html.Encode(other.Title);
            footer.Append(other.Name == document.Name
                ? $"<li><span aria-current=\"page\">{title}</span></li>\n"
                : $"<li><a href=\"{other.Name}?lang={document.Language}\">{title}</a></li>\n");
        }

        return Document(document.Language, Html.Encode(document.Title), nav.Append("</ul></nav>\n").ToString(), document.BodyHtml, footer.Append("</ul></footer>\n").ToString());
    }

    private static string Document(string language, string title, string nav, string main, string footer) =>
        $$"""
        <!DOCTYPE html>
        <html lang="{{language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
        body{margin:0;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.55;color:#1b1b1b;background:#f4f6f9}
        header,main,footer{max-width:46rem;margin:0 auto;padding:0 1.25rem}
        header{padding-top:.75rem}
        main{background:#fff;padding:1rem 1.5rem 1.5rem;border-radius:4px}
        nav ul,footer ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
        footer{padding-top:1rem;padding-bottom:2rem}
        a{color:#0b2d5b;text-underline-offset:.15em}
        a:focus-visible{outline:3px solid #0b2d5b;outline-offset:2px}
        h1,h2{color:#0b2d5b}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid #c7ccd4}
        </style>
        </head>
        <body>
        <header>
        {{nav}}</header>
        <main>
        {{main}}</main>
        {{footer}}</body>
        </html>

        """;
}
