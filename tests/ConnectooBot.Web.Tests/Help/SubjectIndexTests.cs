using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Help;
using ConnectooBot.Web.Tests.Cards;
using Xunit.Abstractions;

namespace ConnectooBot.Web.Tests.Help;

/// <summary>Questions about a subject of the course lead to the lesson step that teaches it, in the learner's language.</summary>
public sealed class SubjectIndexTests(ITestOutputHelper output)
{
    private static readonly Learning.Catalog.Course Course = ContentLoader.LoadCourse(ContentPaths.Shipped);
    private static readonly SubjectIndex Index = SubjectIndex.Load(ContentPaths.Shipped, Course);

    [Theory]
    [InlineData("Was ist itsme?", "de", "identity", "itsme")]
    [InlineData("wat is CSAM?", "nl", "identity", "CSAM")]
    [InlineData("c'est quoi une procuration pour MyMinfin ?", "fr", "welcoming", "mandat")]
    [InlineData("wie funktioniert Tax-on-web", "de", "services", "Tax-on-web")]
    [InlineData("how do I report a phishing SMS", "en", "safety", "A refund e-mail")]
    [InlineData("Was ist Meine Akte?", "de", "services", "Meine Akte")]
    [InlineData("c'est quoi Doccle ?", "fr", "documents", "Doccle")]
    [InlineData("Mon eBox ne marche pas", "fr", "documents", "eBox")]
    public void AQuestionNamingASubject_FindsTheStepThatTeachesIt(string question, string language, string moduleId, string titleMentions)
    {
        var step = Index.Find(question, language);

        Assert.NotNull(step);
        Assert.Equal(moduleId, step.Module.Id);
        var title = step.Module.Texts[language].Steps[step.Module.Steps[step.StepIndex].Id].Title;
        output.WriteLine($"{question} → module {step.Module.Number} step {step.StepIndex + 1}: {title}");
        Assert.Contains(titleMentions, title, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what's the weather tomorrow?")]
    [InlineData("")]
    [InlineData("comment ça va")]
    [InlineData("I never got the e-mail with my ID")] // "e", "id" apart: not "e id"
    [InlineData("is the course accessible on my phone?")] // an everyday word, not the accessibility lesson
    [InlineData("where is the box for my e-mail")]
    public void TextNamingNoSubject_FindsNothing(string text) =>
        Assert.Null(Index.Find(text, "en"));

    [Fact]
    public void TheShippedCourse_PlacesEverySubjectInEveryLanguage() =>
        Assert.Empty(Index.Unplaced);

    [Fact]
    public void ASubjectThatNoStepNames_IsLeftOut_AndListed_WhileTheOthersStillPoint()
    {
        var root = Directory.CreateTempSubdirectory("subjects").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "faq"));
            File.WriteAllText(Path.Combine(root, "faq", "subjects.yaml"), "itsme:\n  any: [itsme]\nquantum:\n  any: [quantum computing]\n");

            var index = SubjectIndex.Load(root, Course);

            Assert.Equal(Languages.All.Select(l => ("quantum", l)), index.Unplaced);
            Assert.Null(index.Find("what is quantum computing?", "en"));
            Assert.Equal("identity", index.Find("what is itsme?", "en")?.Module.Id);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AnUnreadableSubjectsFile_StopsTheHost_SayingWhere()
    {
        var root = Directory.CreateTempSubdirectory("subjects").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "faq"));
            File.WriteAllText(Path.Combine(root, "faq", "subjects.yaml"), "itsme: [unclosed\n");

            var error = Assert.Throws<ContentValidationException>(() => SubjectIndex.Load(root, Course));

            Assert.StartsWith("faq/subjects.yaml: invalid YAML", Assert.Single(error.Problems), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
