using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;
using Xunit.Abstractions;

namespace ConnectooBot.Web.Tests.Content;

/// <summary>
/// The shipped course, as its authors' report shows it (printed in the test output): quizzes that need the lesson
/// (length gives nothing away), micro steps, a quick check every 2–3 steps, the final case, a glossary per language.
/// The loader refuses content that breaks these rules; this states them on the content the bot ships.
/// </summary>
public sealed class ContentFigureTests(ITestOutputHelper output)
{
    private static readonly Learning.Catalog.Course Course = ContentLoader.LoadCourse(ContentPaths.Shipped);

    [Fact]
    public void EveryModuleAndLanguage_MeetsTheQuizAndStepLimits()
    {
        var rows = ContentReport.Rows(Course, new DateOnly(2026, 12, 2));
        output.WriteLine(ContentReport.Markdown(Course, new DateOnly(2026, 12, 2)));

        Assert.Equal((Course.Modules.Count + (Course.FinalCase is null ? 0 : 1)) * 4, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.InRange(r.LongestCorrectShare, 0, ContentLimits.MaxLongestCorrectShare);
            Assert.InRange(r.BlindPassProbability, 0, ContentLimits.MaxBlindPassProbability);
            Assert.InRange(r.MedianWords, 1, ContentLimits.MaxMedianStepWords);
            Assert.InRange(r.MaxWords, 1, ContentLimits.MaxStepWords);
            Assert.InRange(r.MaxBoldSpans, 0, ContentLimits.MaxBoldSpans);
        });
    }

    /// <summary>
    /// The card above an explanation already says "✅ Richtig"; an explanation that starts with "Richtig:" again read
    /// "✅ Richtig. Richtig: …" on every right answer.
    /// </summary>
    [Fact]
    public void NoRightAnswersExplanation_RepeatsTheVerdictShownAboveIt()
    {
        var ui = ContentLoader.LoadInterface(ContentPaths.Shipped);
        var repeats = new List<string>();
        foreach (var module in Course.Modules.Append(Course.FinalCase!))
        {
            foreach (var (language, texts) in module.Texts)
            {
                string[] verdicts = [.. new[] { "feedback.correct", "lesson.check.correct" }.Select(k => ui.Text(language, k).TrimStart('✅', ' '))];
                foreach (var question in module.Questions)
                {
                    var why = texts.Questions[question.Id].Choices[question.Correct].Why;
                    if (verdicts.Any(v => why.StartsWith(v, StringComparison.OrdinalIgnoreCase) && why.Length > v.Length && !char.IsLetter(why[v.Length])))
                    {
                        repeats.Add($"{module.Id}/{language}/{question.Id}: {why}");
                    }
                }
            }
        }

        Assert.Empty(repeats);
    }

    [Fact]
    public void NoWrongAnswersExplanation_OpensWithANo_UnderTheVerdictThatAlreadySaidIt()
    {
        // "❌ Niet helemaal." then "Nee: de meeste…" read as two verdicts; the explanation starts with the reason.
        string[] noes = ["No:", "Non :", "Non:", "Nee:", "Nein:"];
        var repeats = new List<string>();
        foreach (var module in Course.Modules.Append(Course.FinalCase!))
        {
            foreach (var (language, texts) in module.Texts)
            {
                foreach (var question in module.Questions)
                {
                    repeats.AddRange(question.Choices.Where(c => c != question.Correct)
                        .Select(c => texts.Questions[question.Id].Choices[c].Why)
                        .Where(why => noes.Any(no => why.StartsWith(no, StringComparison.Ordinal)))
                        .Select(why => $"{module.Id}/{language}/{question.Id}: {why}"));
                }
            }
        }

        Assert.Empty(repeats);
    }

    [Fact]
    public void EveryModule_HasAQuickCheckEveryTwoOrThreeSteps_AndTheCourseEndsWithACase()
    {
        Assert.All(Course.Modules, m => Assert.True(m.Steps.Count(s => s.QuickCheckId is not null) >= m.Steps.Count / 3, m.Id));
        Assert.NotNull(Course.FinalCase);
        Assert.True(Course.FinalCase!.IsCase);
        Assert.All(Course.FinalCase.Questions, q => Assert.Equal(QuestionKind.Scenario, q.Kind));
    }

    [Fact]
    public void EveryFirstSource_IsAnOfficialPage_CheckedWithinAYear()
    {
        var sources = Course.Modules.Append(Course.FinalCase!)
            .SelectMany(m => m.Steps.Select(s => (Where: $"{m.Id}/{s.Id}", s.Sources)).Concat(m.Questions.Select(q => (Where: $"{m.Id}/{q.Id}", q.Sources))))
            .Where(x => x.Sources.Count > 0)
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, x => Assert.True(ContentLimits.IsOfficialSource(x.Sources[0].Url), $"{x.Where}: {x.Sources[0].Url}"));
        Assert.All(sources.SelectMany(x => x.Sources), s => Assert.True(s.Checked >= new DateOnly(2025, 12, 2), s.Url));
    }

    [Theory]
    [InlineData("https://finances.belgium.be/fr/phishing", true)]
    [InlineData("https://www.ibz.rrn.fgov.be/de/", true)]
    [InlineData("https://safeonweb.be/en", true)]
    [InlineData("https://www.vlaanderen.be/x", true)]
    [InlineData("https://www.rtl.be/info", false)]
    [InlineData("https://belgium.be.example.com/", false)]
    [InlineData("not a url", false)]
    public void OfficialSources_AreGovernmentHosts(string url, bool official) =>
        Assert.Equal(official, ContentLimits.IsOfficialSource(url));
}
