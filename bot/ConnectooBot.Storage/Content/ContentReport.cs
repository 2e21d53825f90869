using System.Globalization;
using System.Text;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Storage.Content;

/// <summary>The authors' report as a Markdown table, counted with the content checks' own rules (words, bold spans).</summary>
public static class ContentReport
{
    public static IReadOnlyList<CourseReportRow> Rows(Course course, DateOnly today) =>
        CourseReport.Of(course, today, ContentLimits.Words, ContentLimits.BoldSpans);

    public static string Markdown(Course course, DateOnly today)
    {
        var md = new StringBuilder();
        md.AppendLine("| module | lang | steps | words median / max | bold max | questions | scenarios | quick checks | right = longest | blind pass | sources > 1 year |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Rows(course, today))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.ModuleId} | {r.Language} | {r.Steps} | {r.MedianWords:0.#} / {r.MaxWords} | {r.MaxBoldSpans} | {r.Questions} | {r.ScenarioShare:P0} | {r.QuickChecks} | {r.LongestCorrectShare:P0} | {r.BlindPassProbability:0.0000} | {r.SourcesOlderThanAYear} |");
        }

        return md.ToString();
    }
}
