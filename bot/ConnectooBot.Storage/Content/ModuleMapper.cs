using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Storage.Content;

/// <summary>Maps validated YAML shapes to Learning's catalog records.</summary>
internal static class ModuleMapper
{
    public static Module Module(ModuleFile file, int number, IReadOnlyDictionary<string, ModuleText> texts) => new()
    {
        Id = file.Id!,
        Number = number,
        EstimatedMinutes = file.EstimatedMinutes,
        Steps = [.. file.Steps!.Select(s => new LessonStep(s.Id!, Sources(s.Sources)) { QuickCheckId = s.QuickCheck })],
        Questions = [.. file.Quiz!.Select(q => new Question(
            q.Id!,
            q.Kind == "scenario" ? QuestionKind.Scenario : QuestionKind.Knowledge,
            [.. q.Checks!],
            [.. q.Choices!],
            q.Correct!,
            Sources(q.Sources)))],
        Texts = texts,
        IsCase = file.Kind == "case",
    };

    /// <summary>A language's texts of a module, trimmed and set as the language prints them (<see cref="Typography"/>).</summary>
    public static ModuleText Text(ModuleTextFile file, string language)
    {
        string text(string? typed) => Typography.Apply(language, typed?.Trim() ?? string.Empty);
        return new(
            text(file.Title),
            text(file.Summary),
            (file.Steps ?? []).ToDictionary(s => s.Key, s => new StepText(text(s.Value.Title), text(s.Value.Body)), StringComparer.Ordinal),
            (file.Quiz ?? []).ToDictionary(
                q => q.Key,
                q => new QuestionText(
                    text(q.Value.Prompt),
                    (q.Value.Choices ?? []).ToDictionary(c => c.Key, c => new ChoiceText(text(c.Value.Text), text(c.Value.Why)), StringComparer.Ordinal)),
                StringComparer.Ordinal));
    }

    private static IReadOnlyList<Source> Sources(List<SourceFile>? sources) =>
        [.. (sources ?? []).Select(s => new Source(s.Url!, s.Supports!)
        {
            Checked = DateOnly.TryParseExact(s.Checked, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null,
        })];
}
