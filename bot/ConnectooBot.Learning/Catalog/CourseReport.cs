namespace ConnectooBot.Learning.Catalog;

/// <summary>One module in one language, as its authors need to see it (dialogs-content/README.md, "Authors' report").</summary>
public sealed record CourseReportRow(
    string ModuleId,
    string Language,
    int Steps,
    double MedianWords,
    int MaxWords,
    int MaxBoldSpans,
    int Questions,
    double ScenarioShare,
    double LongestCorrectShare,
    double BlindPassProbability,
    int QuickChecks,
    int SourcesOlderThanAYear);

/// <summary>The authors' report: per module (and the final case) and language, the figures the content checks hold to.</summary>
public static class CourseReport
{
    public static IReadOnlyList<CourseReportRow> Of(Course course, DateOnly today, Func<string, int> words, Func<string, int> boldSpans)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(boldSpans);
        var rows = new List<CourseReportRow>();
        foreach (var module in course.FinalCase is { } finalCase ? [.. course.Modules, finalCase] : course.Modules)
        {
            var sources = module.Steps.SelectMany(s => s.Sources).Concat(module.Questions.SelectMany(q => q.Sources)).ToList();
            var old = sources.Count(s => s.Checked is not { } day || day < today.AddYears(-1));
            foreach (var language in Languages.All)
            {
                var text = module.Texts[language];
                var counts = text.Steps.Values.Select(s => words(s.Body)).Order().ToList();
                var stats = QuizStatistics.Of(module, language, module.IsCase ? module.Questions.Count : course.QuestionsPerAttempt, course.PassMark);
                rows.Add(new CourseReportRow(
                    module.Id,
                    language,
                    counts.Count,
                    Median(counts),
                    counts.Count == 0 ? 0 : counts[^1],
                    text.Steps.Values.Select(s => boldSpans(s.Body)).DefaultIfEmpty(0).Max(),
                    module.Questions.Count,
                    module.Questions.Count == 0 ? 0 : (double)module.Questions.Count(q => q.Kind == QuestionKind.Scenario) / module.Questions.Count,
                    stats.LongestCorrectShare,
                    stats.BlindPassProbability,
                    module.Steps.Count(s => s.QuickCheckId is not null),
                    old));
            }
        }

        return rows;
    }

    private static double Median(List<int> sorted) => sorted.Count == 0 ? 0
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
