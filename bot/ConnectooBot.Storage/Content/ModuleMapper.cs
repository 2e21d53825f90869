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

    public static ModuleText Text(ModuleTextFile file) => new(
        file.Title?.Trim() ?? string.Empty,
        file.Summary?.Trim() ?? string.Empty,
        (file.Steps ?? []).ToDictionary(s => s.Key, s => new StepText(s.Value.Title?.Trim() ?? string.Empty, s.Value.Body?.Trim() ?? string.Empty), StringComparer.Ordinal),
        (file.Quiz ?? []).ToDictionary(
            q => q.Key,
            q => new QuestionText(
                q.Value.Prompt?.Trim() ?? string.Empty,
                (q.Value.Choices ?? []).ToDictionary(c => c.Key, c => new ChoiceText(c.Value.Text?.Trim() ?? string.Empty, c.Value.Why?.Trim() ?? string.Empty), StringComparer.Ordinal)),
            StringComparer.Ordinal));

    private static IReadOnlyList<Source> Sources(List<SourceFile>? sources) =>
        [.. (sources ?? []).Select(s => new Source(s.Url!, s.Supports!)
        {
            Checked = DateOnly.TryParseExact(s.Checked, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null,
        })];
}
