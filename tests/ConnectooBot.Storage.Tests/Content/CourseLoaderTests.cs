using ConnectooBot.Storage.Content;

namespace ConnectooBot.Storage.Tests.Content;

public sealed class CourseLoaderTests : IDisposable
{
    private readonly CourseFixture _course = new();

    public void Dispose() => _course.Dispose();

    private ContentValidationException Invalid() => Assert.Throws<ContentValidationException>(() => ContentLoader.LoadCourse(_course.Root));

    [Fact]
    public void Load_ValidCourse_MapsStructureAndTexts()
    {
        var course = ContentLoader.LoadCourse(_course.Root);

        var module = Assert.Single(course.Modules);
        Assert.Equal(0.8m, course.PassMark);
        Assert.Equal(1, module.Number);
        Assert.Equal(5, module.Steps.Count);
        Assert.Equal(12, module.Questions.Count);
        Assert.Equal("b", module.FindQuestion("q-3")!.Correct);
        Assert.Equal("Body of step 2 in nl.", module.Texts["nl"].Steps["step-2"].Body);
        Assert.Equal("Because c.", module.Texts["de"].Questions["q-1"].Choices["c"].Why);
    }

    [Fact]
    public void Load_Version_IsStableAndChangesWithTheContent()
    {
        var first = ContentLoader.LoadCourse(_course.Root).Version;
        var again = ContentLoader.LoadCourse(_course.Root).Version;
        _course.Replace(_course.LanguageFile("de"), "Body of step 1", "Text of step 1");

        var changed = ContentLoader.LoadCourse(_course.Root).Version;

        Assert.Equal(first, again);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void Load_CorrectChoiceNotAmongChoices_IsReported()
    {
        _course.Replace(_course.ModuleFile, "    correct: b\n    sources:\n      - url: https://www.belgium.be/q1\n", "    correct: d\n    sources:\n      - url: https://www.belgium.be/q1\n");

        Assert.Contains("modules/basics/module.yaml: question 'q-1': 'correct' must be exactly one of its choices.", Invalid().Problems);
    }

    [Fact]
    public void Load_QuestionMissingInOneLanguage_IsReported()
    {
        _course.Replace(_course.LanguageFile("fr"), "  q-12:\n", "  q-99:\n");

        var problems = Invalid().Problems;

        Assert.Contains("modules/basics/fr.yaml: quiz: 'q-12' has no text.", problems);
        Assert.Contains("modules/basics/fr.yaml: quiz: 'q-99' is not in module.yaml.", problems);
    }

    [Fact]
    public void Load_MissingExplanation_IsReported()
    {
        _course.Replace(_course.LanguageFile("nl"), "Because a.", string.Empty);

        Assert.Contains(Invalid().Problems, p => p.StartsWith("modules/basics/nl.yaml: question 'q-1' choice 'a' why is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateIdAndDanglingCheck_AreReported()
    {
        _course.Replace(_course.ModuleFile, "  - id: q-2\n", "  - id: q-1\n");
        _course.Replace(_course.ModuleFile, "checks: [step-4]", "checks: [step-40]");

        var problems = Invalid().Problems;

        Assert.Contains("modules/basics/module.yaml: question id 'q-1' is used twice.", problems);
        Assert.Contains(problems, p => p.Contains("checks 'step-40', which is not a step of this module.", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TooFewQuestions_IsReported()
    {
        var text = File.ReadAllText(_course.ModuleFile);
        File.WriteAllText(_course.ModuleFile, text[..text.IndexOf("  - id: q-12", StringComparison.Ordinal)]);

        Assert.Contains("modules/basics/module.yaml: 11 questions; the bank needs at least 12.", Invalid().Problems);
    }

    [Fact]
    public void Load_StepOverTheWordLimit_IsReported()
    {
        _course.Replace(_course.LanguageFile("en"), "Body of step 3 in en.", string.Join(' ', Enumerable.Repeat("word", 121)));

        Assert.Contains("modules/basics/en.yaml: step 'step-3' body has 121 words; at most 120.", Invalid().Problems);
    }

    [Fact]
    public void Load_UnknownField_IsReportedWithItsLine()
    {
        _course.Replace(_course.ModuleFile, "estimatedMinutes: 10", "estimatedMinutes: 10\ncorect: typo");

        Assert.Contains(Invalid().Problems, p => p.StartsWith("modules/basics/module.yaml: line 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_QuestionWithoutSource_IsReported()
    {
        _course.Replace(_course.ModuleFile, "    sources:\n      - url: https://www.belgium.be/q5\n        supports: answer 5\n        checked: 2026-12-02\n", string.Empty);

        Assert.Contains("modules/basics/module.yaml: question 'q-5': no source.", Invalid().Problems);
    }

    [Fact]
    public void Load_RightAnswerAlwaysSlightlyTheLongest_IsReported_WithTheBlindPassProbability()
    {
        SetRightAnswers("Choice bb"); // within ±20 % of the others, but always the longest

        var problems = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadCourse(_course.Root)).Problems;

        Assert.Contains(problems, p => p.StartsWith("modules/basics/en.yaml: the right choice is the strictly longest in 12 of 12 questions", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("modules/basics/en.yaml: 'always pick the longest choice' passes an attempt with probability 1.000", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_RightAnswerThatStandsOutByLength_IsReported()
    {
        SetRightAnswers("Choice b, the long and careful one");

        var problems = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadCourse(_course.Root)).Problems;

        Assert.Contains(problems, p => p.StartsWith("modules/basics/en.yaml: question 'q-1': only 0 wrong choice(s) within ±20 %", StringComparison.Ordinal));
    }

    private void SetRightAnswers(string text)
    {
        foreach (var language in new[] { "fr", "nl", "de", "en" })
        {
            File.WriteAllText(_course.LanguageFile(language), File.ReadAllText(_course.LanguageFile(language)).Replace("b: { text: \"Choice b\"", $"b: {{ text: \"{text}\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Load_UnofficialFirstSource_UncheckedSource_MissingQuickChecks_AndABannedTerm_AreReported()
    {
        _course.Replace(_course.ModuleFile, "      - url: https://www.belgium.be/1\n        supports: fact 1\n        checked: 2026-12-02\n", "      - url: https://www.example.org/1\n        supports: fact 1\n");
        _course.Replace(_course.ModuleFile, "    quickCheck: q-3\n", string.Empty);
        _course.Replace(_course.LanguageFile("en"), "Body of step 2 in en.", "Body of step 2 in en, with Itsme.");

        var problems = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadCourse(_course.Root)).Problems;

        Assert.Contains(problems, p => p.Contains("step 'step-1': the first source 'https://www.example.org/1' is not an official", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("step 'step-1': source 'https://www.example.org/1' has no 'checked: YYYY-MM-DD'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("3 steps in a row without a quick check before the quiz", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("modules/basics/en.yaml:", StringComparison.Ordinal) && p.Contains("'Itsme' is banned by glossary/en.yaml", StringComparison.Ordinal));
    }
}
