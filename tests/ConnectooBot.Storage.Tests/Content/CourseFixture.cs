using System.Text;

namespace ConnectooBot.Storage.Tests.Content;

/// <summary>Writes a small valid course (one module, four languages) to a temp folder, for breaking on purpose.</summary>
internal sealed class CourseFixture : IDisposable
{
    public CourseFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "connectoo-course-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "modules", "basics"));
        File.WriteAllText(Path.Combine(Root, "course.yaml"), "id: connectoo\npassMark: 0.8\nquestionsPerAttempt: 8\nmodules: [basics]\n");
        File.WriteAllText(ModuleFile, ModuleYaml());
        foreach (var language in new[] { "fr", "nl", "de", "en" })
        {
            File.WriteAllText(LanguageFile(language), LanguageYaml(language));
            Directory.CreateDirectory(Path.Combine(Root, "glossary"));
            File.WriteAllText(Path.Combine(Root, "glossary", language + ".yaml"), "terms:\n  - preferred: \"itsme\"\n    banned: [\"Itsme\"]\n    caseSensitive: true\n");
        }
    }

    public string Root { get; }

    public string ModuleFile => Path.Combine(Root, "modules", "basics", "module.yaml");

    public string LanguageFile(string language) => Path.Combine(Root, "modules", "basics", language + ".yaml");

    public void Replace(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        if (!text.Contains(from, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{from}' not found in {path}");
        }

        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string ModuleYaml()
    {
        var yaml = new StringBuilder("id: basics\nestimatedMinutes: 10\nsteps:\n");
        for (var s = 1; s <= 5; s++)
        {
            var quickCheck = s switch { 2 => "    quickCheck: q-1\n", 4 => "    quickCheck: q-3\n", _ => string.Empty };
            yaml.Append(FormattableString.Invariant($"  - id: step-{s}\n{quickCheck}    sources:\n      - url: https://www.belgium.be/{s}\n        supports: fact {s}\n        checked: 2026-12-02\n"));
        }

        yaml.Append("quiz:\n");
        for (var q = 1; q <= 12; q++)
        {
            yaml.Append(FormattableString.Invariant($"  - id: q-{q}\n    kind: {(q % 2 == 0 ? "scenario" : "knowledge")}\n    checks: [step-{(q % 5) + 1}]\n    choices: [a, b, c]\n    correct: b\n    sources:\n      - url: https://www.belgium.be/q{q}\n        supports: answer {q}\n        checked: 2026-12-02\n"));
        }

        return yaml.ToString();
    }

    private static string LanguageYaml(string language)
    {
        var yaml = new StringBuilder(FormattableString.Invariant($"title: \"Basics {language}\"\nsummary: \"What you will know ({language}).\"\nsteps:\n"));
        for (var s = 1; s <= 5; s++)
        {
            yaml.Append(FormattableString.Invariant($"  step-{s}:\n    title: \"Step {s}\"\n    body: |\n      Body of step {s} in {language}.\n"));
        }

        yaml.Append("quiz:\n");
        for (var q = 1; q <= 12; q++)
        {
            yaml.Append(FormattableString.Invariant($"  q-{q}:\n    prompt: \"Question {q}?\"\n    choices:\n"));
            foreach (var c in new[] { "a", "b", "c" })
            {
                yaml.Append(FormattableString.Invariant($"      {c}: {{ text: \"Choice {c}\", why: \"Because {c}.\" }}\n"));
            }
        }

        return yaml.ToString();
    }
}
