using ConnectooBot.Web.Tests.BotHosting;
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
    [InlineData("how do I report a phishing SMS", "en", "safety", "Safeonweb")] // where to send it, not how to spot one
    [InlineData("comment signaler un phishing ?", "fr", "safety", "Safeonweb")]
    [InlineData("hoe meld ik phishing?", "nl", "safety", "Safeonweb")]
    [InlineData("Hoe meld ik een phishingmail?", "nl", "safety", "Safeonweb")]
    [InlineData("Was mache ich mit einer verdächtigen Nachricht?", "de", "safety", "Safeonweb")]
    [InlineData("is this a phishing e-mail?", "en", "safety", "A refund e-mail")]
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

    [Theory]
    [InlineData("itsme")]
    [InlineData("csam")]
    [InlineData("ebox")]
    [InlineData("doccle")]
    [InlineData("mypension")]
    [InlineData("myhealth")]
    public void ASubjectsPointer_QuotesTheSentenceOfItsStepThatTeachesIt_InEveryLanguage(string subject)
    {
        foreach (var language in Languages.All)
        {
            var step = Index.Find(Names[(subject, language)], language);
            Assert.NotNull(step);
            var body = step.Module.Texts[language].Steps[step.Module.Steps[step.StepIndex].Id].Body;
            output.WriteLine($"{language} {subject}: {step.Excerpt}");
            Assert.NotNull(step.Excerpt);
            Assert.Contains(step.Excerpt[1..], body, StringComparison.Ordinal); // the lesson's words (a lead-in cut, the next letter capitalised)
            Assert.False(step.Excerpt.EndsWith(':'), step.Excerpt);
        }
    }

    [Fact]
    public void EveryQuote_IsASentenceOfTheStepsText_ThatStandsAlone()
    {
        var subjects = File.ReadAllLines(Path.Combine(ContentPaths.Shipped, "faq", "subjects.yaml"))
            .Where(l => l.Length > 1 && char.IsLetter(l[0]) && l.EndsWith(':')).Select(l => l.TrimEnd(':')).ToList();
        var quoted = 0;
        foreach (var language in Languages.All)
        {
            foreach (var subject in subjects)
            {
                if (Index.Find(subject.Replace('-', ' '), language) is not { Excerpt: { } excerpt } step)
                {
                    output.WriteLine($"{language} {subject}: (none)");
                    continue;
                }

                output.WriteLine($"{language} {subject}: {excerpt}");
                quoted++;
                Assert.Contains(excerpt.TrimStart('*')[1..], step.Module.Texts[language].Steps[step.Module.Steps[step.StepIndex].Id].Body, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"[«»“”„""]|:$|^(Mrs?|Mme|M\.|Mevrouw|Meneer|Frau|Herr) ", excerpt);
            }
        }

        Assert.True(quoted >= subjects.Count * 4 / 3, $"{quoted} quotes for {subjects.Count} subjects in 4 languages");
    }

    [Theory]
    [InlineData("fr", "csam", "**CSAM** est la porte d'entrée commune à de nombreux services publics.")] // "Normal : " cut
    [InlineData("nl", "ebox", "De **eBox is een beveiligde brievenbus voor officiële documenten**.")] // "Helemaal niet: " cut
    [InlineData("en", "ebox", "The **eBox is a secure mailbox for official documents**.")] // "It is not ordinary e-mail: " cut
    [InlineData("en", "mandate", null)] // "The proper route is a mandate…": about the route
    [InlineData("fr", "mandate", null)] // "La bonne voie : un mandat…": the same, its lead is what the sentence is about
    [InlineData("de", "card-stop", null)] // its step (safety/after-scam) gives the number in a list; a list item is no answer alone
    [InlineData("de", "safeonweb", "Safeonweb, der Dienst des Zentrums für Cybersicherheit Belgien, hat eine Adresse für verdächtige Nachrichten: **suspekt@safeonweb.be**.")] // after „Was mache ich mit dieser Nachricht?“, a sentence of its own
    [InlineData("fr", "pin", "Le code PIN reste secret ; la carte ne se prête pas, même en famille.")] // not "Card Stop, Polizei oder FÖD Finanzen aus; …", cut at a list's comma
    [InlineData("en", "pin", "The PIN stays secret; the card is never lent, not even to family.")] // not "With the card and the PIN, anyone can … sign as her"
    public void AQuote_IsASentenceAboutTheSubject_WithoutTheLeadInThatAnsweredTheSentenceBefore(string language, string subject, string? quote) =>
        Assert.Equal(quote is null ? null : Shown.In(language, quote), Index.Find(subject, language)!.Excerpt);

    private static readonly Dictionary<(string Subject, string Language), string> Names = Languages.All
        .SelectMany(l => new[]
        {
            (("itsme", l), "itsme"), (("csam", l), "csam"), (("ebox", l), "ebox"), (("doccle", l), "doccle"),
            (("mypension", l), "mypension"),
            (("myhealth", l), "myhealth"),
        })
        .ToDictionary(p => p.Item1, p => p.Item2);

    [Theory]
    [InlineData("Selon M. Peeters, il faut toujours un lecteur. Sa carte d'identité peut pourtant le connecter aux services publics.", "Selon M. Peeters, il faut toujours un lecteur.")]
    [InlineData("Mr Peeters has no smartphone, but his card can log him in. The card **logs in and signs** with its PIN code.", "The card **logs in and signs** with its PIN code.")]
    [InlineData("Mme Nguyen lit son courrier dans Doccle : « Doccle, c'est donc l'État ! » Doccle est **une entreprise privée** que vous choisissez.", "Doccle est **une entreprise privée** que vous choisissez.")]
    [InlineData("**A correct-looking address proves nothing at all.** FPS Finance lists the request for bank details among fraud signs.", "**A correct-looking address proves nothing at all.**")]
    [InlineData("With **My DOSSIER** from the FPS Home Affairs he can, free of charge:", null)]
    [InlineData("- the itsme app, which works on any recent smartphone at all;\n_At the counter:_ first ask which key the person already uses.", null)]
    [InlineData("It is free. See [the official page](https://example.org) for how the **eBox** works for every citizen.", "See the official page for how the **eBox** works for every citizen.")]
    public void LessonSentences_AreTheParagraphsSentences_NotListsAdviceOrFragments(string body, string? first) =>
        Assert.Equal(first, LessonSentences.Of(body).FirstOrDefault());

    [Fact]
    public void TheShippedCourse_PlacesEverySubjectInEveryLanguage() =>
        Assert.Empty(Index.Unplaced);

    [Fact]
    public void ASubjectsOwnStep_MustBeOneModuleSlashStep_OrTheHostDoesNotStart()
    {
        var root = Directory.CreateTempSubdirectory("subjects").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "faq"));
            File.WriteAllText(Path.Combine(root, "faq", "subjects.yaml"), "card-stop:\n  any: [card stop]\n  step: [after-scam]\n");

            var problems = Assert.Throws<ContentValidationException>(() => SubjectIndex.Load(root, Course)).Problems;

            Assert.Contains(problems, p => p.Contains("'card-stop' has a step that is not one 'module/step'", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

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
