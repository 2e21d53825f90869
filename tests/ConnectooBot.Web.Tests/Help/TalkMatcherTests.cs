using ConnectooBot.Learning.Talk;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Help;

namespace ConnectooBot.Web.Tests.Help;

/// <summary>The pure matchers (ConnectooBot.Learning/Talk) over the shipped FAQ and small talk of dialogs-content/faq.</summary>
public sealed class TalkMatcherTests
{
    private static readonly TalkLibrary Library = TalkLibraryLoader.Load(ContentPaths.Shipped, ContentLoader.LoadInterface(ContentPaths.Shipped));

    [Theory]
    [InlineData("Est-ce obligatoire ?", "mandatory")]
    [InlineData("Suis-je obligée de suivre cette formation ?", "mandatory")]
    [InlineData("Is dit verplicht?", "mandatory")]
    [InlineData("Ist das Pflicht?", "mandatory")]
    [InlineData("is it mandatory?", "mandatory")]
    [InlineData("Combien de temps ça prend ?", "duration")]
    [InlineData("c'est long ?", "duration")]
    [InlineData("Hoe lang duurt het?", "duration")]
    [InlineData("Wie lange dauert das?", "duration")]
    [InlineData("how long does it take", "duration")]
    [InlineData("Je peux le faire sur mon téléphone ?", "phone")]
    [InlineData("Ça marche sur mon GSM ?", "phone")]
    [InlineData("Kan ik het op mijn gsm doen?", "phone")]
    [InlineData("Geht das auf dem Handy?", "phone")]
    [InlineData("can I do it on my phone?", "phone")]
    [InlineData("Qui voit mes résultats ?", "results")]
    [InlineData("Wie kan mijn resultaten zien?", "results")]
    [InlineData("Wer sieht meine Ergebnisse?", "results")]
    [InlineData("who sees my results?", "results")]
    [InlineData("Does my boss see my score?", "results")]
    [InlineData("C'est quoi le badge ?", "badge")]
    [InlineData("Wat is de badge?", "badge")]
    [InlineData("Was ist das Abzeichen?", "badge")]
    [InlineData("what is the badge?", "badge")]
    [InlineData("Comment arrêter les rappels ?", "reminders")]
    [InlineData("Hoe zet ik de herinneringen uit?", "reminders")]
    [InlineData("Wie kann ich die Erinnerungen ausschalten?", "reminders")]
    [InlineData("how do I stop reminders?", "reminders")]
    [InlineData("WHO SEES MY RESULTS", "results")]
    [InlineData("qui voit mes resultats", "results")]
    public void Faq_FindsTheQuestion_InEachLanguage(string text, string expected)
    {
        Assert.Equal(expected, Library.Questions.Match(text));
    }

    [Theory]
    [InlineData("what's the weather?")]
    [InlineData("blablabla")]
    [InlineData("Qu'est-ce que CSAM ?")]
    [InlineData("")]
    [InlineData("???")]
    public void Faq_FindsNothing_InOtherQuestions(string text)
    {
        Assert.Null(Library.Questions.Match(text));
    }

    [Theory]
    [InlineData("merci", "thanks")]
    [InlineData("Merci beaucoup !", "thanks")]
    [InlineData("dank je wel", "thanks")]
    [InlineData("Danke schön", "thanks")]
    [InlineData("thanks a lot", "thanks")]
    [InlineData("🙏", "thanks")]
    [InlineData("bonjour, merci", "thanks")]
    [InlineData("ok merci 👍", "thanks")]
    [InlineData("👍", "ack")]
    [InlineData("👍🏽", "ack")]
    [InlineData("<emoji id=\"like\" alt=\"👍\" title=\"Like\"></emoji>", "ack")]
    [InlineData("ok", "ack")]
    [InlineData("OKÉ", "ack")]
    [InlineData("d'accord", "ack")]
    [InlineData("alles klar", "ack")]
    [InlineData(":)", "ack")]
    [InlineData("good morning", "greeting")]
    [InlineData("Goedemorgen", "greeting")]
    [InlineData("Grüß Gott", "greeting")]
    [InlineData("Bonsoir !", "greeting")]
    [InlineData("au revoir", "farewell")]
    [InlineData("tot ziens", "farewell")]
    [InlineData("Tschüss", "farewell")]
    [InlineData("bye 👋", "farewell")]
    public void SmallTalk_RecognisesTheKind(string text, string expected)
    {
        Assert.Equal(expected, Library.SmallTalk.Match(text));
    }

    [Theory]
    [InlineData("merci, combien de temps ça prend ?")]
    [InlineData("ok but is it mandatory")]
    [InlineData("connectoo")]
    [InlineData("?")]
    [InlineData("")]
    public void SmallTalk_IsNot_AMessageThatSaysMore(string text)
    {
        Assert.Null(Library.SmallTalk.Match(text));
    }

    [Fact]
    public void Words_IgnoreCaseAccentsPunctuationAndSkinTones()
    {
        Assert.Equal(["ca", "prend", "combien", "de", "temps"], TalkText.Words("Ça prend combien de temps ?!"));
        Assert.Equal(["gruss", "gott"], TalkText.Words("Grüß Gott"));
        Assert.Equal(["👍", "👍"], TalkText.Words("👍🏻👍"));
        Assert.Equal(["d", "accord"], TalkText.Words("d’accord"));
    }

    [Fact]
    public void Phrase_WithAStar_MatchesEveryWordThatStartsWithIt()
    {
        var phrase = TalkPhrase.Parse("oblig*")!;

        Assert.True(phrase.OccursIn(TalkText.Words("Suis-je obligée ?")));
        Assert.False(phrase.OccursIn(TalkText.Words("Le bloc obli")));
    }

    [Fact]
    public void Faq_OnATie_PrefersTheEarlierQuestion_AndMoreWordsWin()
    {
        var matcher = new FaqMatcher([
            new TalkTopic("first", [TalkPhrase.Parse("badge")!]),
            new TalkTopic("second", [TalkPhrase.Parse("badge")!, TalkPhrase.Parse("how long")!]),
        ]);

        Assert.Equal("first", matcher.Match("badge?"));
        Assert.Equal("second", matcher.Match("how long is the badge valid?"));
    }

    [Fact]
    public void Loader_RefusesAQuestionWithoutItsAnswerOrALanguage()
    {
        var root = Directory.CreateTempSubdirectory("talk-content").FullName;
        try
        {
            CopyFolder(ContentPaths.Shipped, root);
            File.AppendAllText(Path.Combine(root, "faq", "questions.yaml"), "\nparking:\n  en: [parking]\n");

            var error = Assert.Throws<ContentValidationException>(() => TalkLibraryLoader.Load(root, ContentLoader.LoadInterface(root)));

            Assert.Contains(error.Problems, p => p.Contains("'parking' has no answer 'faq.parking'", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.Contains("'parking' has no keywords in 'fr'", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
