using System.Text;
using static ConnectooBot.Web.Admin.AdminHtml;

namespace ConnectooBot.Web.Admin;

/// <summary>One cell of a data table: already encoded HTML, optionally a row header or spanning columns.</summary>
internal sealed record Cell(string Html, int Span = 1, string? Class = null)
{
    public static Cell Text(string text, string? css = null) => new(E(text), 1, css);
}

/// <summary>
/// A chart as people with and without sight read it: a <c>&lt;figure&gt;</c> holding the canvas (role img, named by
/// the caption), the <c>&lt;figcaption&gt;</c>, and the same figures as a table inside a details/summary.
/// </summary>
internal static class AdminFigure
{
    /// <param name="table">Writes the table (given the caption, to name its scrolling box).</param>
    public static void Chart(StringBuilder html, string id, string caption, string showTable, string? note, Action<StringBuilder, string> table)
    {
        html.Append("<figure class=\"chart\">\n<figcaption id=\"").Append(id).Append("-caption\">").Append(E(caption));
        if (note is not null)
        {
            html.Append(" <span class=\"note\">").Append(E(note)).Append("</span>");
        }

        html.Append("</figcaption>\n<div class=\"chart-box\"><canvas id=\"").Append(id).Append("\" role=\"img\" aria-labelledby=\"")
            .Append(id).Append("-caption\"></canvas></div>\n<details>\n<summary>").Append(E(showTable)).Append("</summary>\n");
        table(html, caption);
        html.Append("</details>\n</figure>\n");
    }

    /// <summary>
    /// A table with column headers and rows whose first cell is the row header, in a box that scrolls sideways on a
    /// narrow screen (focusable, so a keyboard can scroll it; named by <paramref name="label"/>).
    /// </summary>
    public static void Table(StringBuilder html, string label, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<Cell>> rows, string? css = null)
    {
        html.Append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(E(label)).Append("\"><table");
        if (css is not null)
        {
            html.Append(" class=\"").Append(css).Append('"');
        }

        html.Append(">\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                html.Append(i == 0 ? "<th scope=\"row\"" : "<td");
                if (cell.Span > 1)
                {
                    html.Append(" colspan=\"").Append(cell.Span).Append('"');
                }

                if (cell.Class is not null)
                {
                    html.Append(" class=\"").Append(cell.Class).Append('"');
                }

                html.Append('>').Append(cell.Html).Append(i == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }
}
