using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.Content;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;
using ConnectooBot.Web.Tests.Hosting;

namespace ConnectooBot.Web.Tests.Help;

/// <summary>
/// The bot answers like a colleague: one line to small talk, the FAQ's answer to a question, one line and a compact
/// Help button to the rest, and help that fits where the learner is. As chats, in each language.
/// </summary>
public sealed class ColleagueConversationTests() : BotTest()
{
    [Theory]
    [InlineData("fr-BE", "merci", "Avec plaisir !")]
    [InlineData("nl-BE", "dank je wel", "Graag gedaan!")]
    [InlineData("de-BE", "Danke!", "Gern geschehen!")]
    [InlineData("en-US", "thanks", "You're welcome!")]
    [InlineData("fr-BE", "👍", "👍 Tapez **commencer**")]
    [InlineData("nl-BE", "ok", "👍 Typ **beginnen**")]
    [InlineData("de-BE", "alles klar", "👍 Tippen Sie **starten**")]
    [InlineData("en-US", "👍", "👍 Type **start**")]
    [InlineData("fr-BE", "au revoir", "À bientôt !")]
    [InlineData("nl-BE", "tot ziens", "Tot ziens!")]
    [InlineData("de-BE", "Tschüss", "Bis bald!")]
    [InlineData("en-US", "bye", "See you soon!")]
    public async Task SmallTalk_GetsOneLine_NoCard(string locale, string text, string expected)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync(text);

        Assert.StartsWith(Shown.In(locale, expected), OneLine(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-BE", "ik snap het niet", "Geen probleem: zeg in een paar woorden wat niet duidelijk is, bijvoorbeeld “wat is CSAM?” Typ **verder**")]
    [InlineData("fr-BE", "je ne comprends pas", "Pas de souci : dites-moi en quelques mots ce qui n'est pas clair, par exemple « c'est quoi CSAM ? » Tapez **continuer**")]
    [InlineData("de-BE", "Ich verstehe das nicht.", "Kein Problem: Sagen Sie mir in ein paar Worten, was unklar ist, zum Beispiel „Was ist CSAM?“ Tippen Sie **weiter**")]
    [InlineData("en-US", "I don't get it", "No problem: tell me in a few words what is unclear, for example “what is CSAM?” Type **continue**")]
    [InlineData("nl-BE", "Ik versta het niet", "Geen probleem: zeg in een paar woorden wat niet duidelijk is, bijvoorbeeld “wat is CSAM?” Typ **verder**")]
    [InlineData("de-BE", "Das verstehe ich nicht", "Kein Problem: Sagen Sie mir in ein paar Worten, was unklar ist, zum Beispiel „Was ist CSAM?“ Tippen Sie **weiter**")]
    public async Task IDontUnderstand_InTheMiddleOfALesson_InvitesAQuestion_AndSaysHowToGoOn(string locale, string text, string expected)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Pieter", locale));
        await chat.InstallAsync();
        await chat.ClickAsync(Ui.Text(Learning.Catalog.Languages.FromLocale(locale), "welcome.start"));

        var reply = await chat.SendAsync(text);

        Assert.StartsWith(Shown.In(locale, expected), OneLine(reply), StringComparison.Ordinal); // not "Sorry, ik begrijp "ik snap het niet" niet."
    }

    [Fact]
    public async Task HowMuchLonger_AfterAFewSteps_AddsTheLearnersOwnMinutesLeft_WhichShrinkAsTheyRead()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Pieter", "nl-BE"));
        await chat.InstallAsync();
        var total = Course.Modules.Sum(m => m.EstimatedMinutes);

        var before = OneLine(await chat.SendAsync("hoe lang duurt dit nog?"));
        await chat.ClickAsync("Beginnen");
        var started = MinutesLeft(OneLine(await chat.SendAsync("hoe lang duurt dit nog?")));
        for (var i = 1; i < Course.Modules[0].Steps.Count; i++)
        {
            await chat.ClickAsync("Volgende");
        }

        var readModule1 = MinutesLeft(OneLine(await chat.SendAsync("hoe lang duurt dit nog?")));

        Assert.DoesNotContain("Voor jou", before, StringComparison.Ordinal); // not started: the course's own length only
        Assert.InRange(started, total - 5, total + 5);
        Assert.True(readModule1 < started, $"{readModule1} after module 1's lesson, {started} at its start");

        static int MinutesLeft(string line)
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"Voor jou is het nog ongeveer (\d+) minuten\.$");
            Assert.True(match.Success, line);
            return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Theory]
    [InlineData("fr-BE", "au revoir", "À bientôt !")]
    [InlineData("en-US", "bye", "See you soon!")]
    public async Task Goodbye_FromSomebodyWhoHasNotStarted_SaysNoProgressIsSaved(string locale, string text, string expected)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Claire", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync(text);

        Assert.Equal(Shown.In(locale, expected), OneLine(reply));
    }

    [Theory]
    [InlineData("fr-BE", "bonjour", "Bonjour ! Tapez **commencer**")]
    [InlineData("nl-BE", "hallo", "Hallo! Typ **beginnen**")]
    [InlineData("de-BE", "Guten Tag", "Guten Tag! Tippen Sie **starten**")]
    [InlineData("en-US", "hello", "Hello! Type **start**")]
    [InlineData("fr-BE", "Bonsoir", "Bonjour ! Tapez **commencer**")]
    public async Task Greeting_GetsOneLine_WithTheNextStep(string locale, string text, string expected)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync(text);

        Assert.StartsWith(Shown.In(locale, expected), OneLine(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-BE", "Was ist itsme?", "Modul 3, „Online anmelden: eID, itsme und CSAM“, behandelt das in Schritt 5: „itsme: mit dem Smartphone anmelden“.", "Diesen Schritt öffnen", "itsme: mit dem Smartphone anmelden", "Aus der Lektion: „**itsme** ist eine Identitäts-App eines privaten Unternehmens, gegründet von belgischen Banken und Mobilfunkanbietern.“")]
    [InlineData("nl-BE", "wat is CSAM?", "Module 3, “Online aanmelden: eID, itsme en CSAM”, behandelt dit in stap 1: “CSAM: één aanmeldpagina, meerdere sleutels”.", "Deze stap openen", "CSAM: één aanmeldpagina, meerdere sleutels", "Uit de les: “**CSAM** is de toegangspoort die veel overheidsdiensten delen.”")]
    [InlineData("de-BE", "Wie lange dauert die Anmeldung mit itsme?", "Modul 3, „Online anmelden: eID, itsme und CSAM“, behandelt das in Schritt 5: „itsme: mit dem Smartphone anmelden“.", "Diesen Schritt öffnen", "itsme: mit dem Smartphone anmelden", "Aus der Lektion: „**itsme** ist eine Identitäts-App eines privaten Unternehmens, gegründet von belgischen Banken und Mobilfunkanbietern.“")]
    [InlineData("fr-BE", "c'est quoi l'eBox ?", "Le module 5, «\u00A0Documents officiels en ligne : eBox, MyGov.be, certificats\u00A0», en parle à l'étape 1\u00A0: «\u00A0L'eBox : la boîte aux lettres sécurisée de l'État\u00A0».", "Ouvrir cette étape", "L'eBox : la boîte aux lettres sécurisée de l'État", "Extrait de la leçon\u00A0: «\u00A0L'**eBox est une boîte aux lettres sécurisée pour les documents officiels**.\u00A0»")]
    public async Task AQuestionAboutASubjectOfTheCourse_PointsToTheStepThatTeachesIt_QuotesIt_AndOpensIt(string locale, string question, string pointer, string open, string stepTitle, string quote)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lena", locale));
        await chat.InstallAsync();
        await chat.ClickAsync(Ui.Text(Learning.Catalog.Languages.FromLocale(locale), "welcome.start")); // module 1, step 1
        var before = Learner(chat);

        var reply = await chat.SendAsync(question);
        var step = await chat.ClickAsync(open);

        Assert.Equal(Shown.In(locale, pointer), reply.Card.Title);
        Assert.Equal(Shown.In(locale, quote), reply.Card.Texts[1]); // the lesson's own sentence on the subject, under the pointer
        Assert.Contains(Shown.In(locale, stepTitle), step.Card.Texts);
        Assert.Equivalent(before.Progress, Learner(chat).Progress); // read only: the learner's place and what they reached stay
    }

    [Theory]
    [InlineData("fr-BE", "c'est quoi le phishing ?", "«\u00A0Un remboursement venu d'une “bonne” adresse\u00A0»")]
    [InlineData("en-US", "what is phishing?", "“A refund e-mail from a ‘correct’ address”")]
    [InlineData("de-BE", "Was ist Phishing?", "„Eine Erstattung von einer ‚richtigen‘ Adresse“")]
    public async Task APointerToAStepWhoseTitleQuotes_NestsTheQuotes_SoTheReaderSeesWhereTheTitleEnds(string locale, string question, string quotedTitle)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Claire", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync(question);

        Assert.Contains(quotedTitle, reply.Card.Title, StringComparison.Ordinal); // not « Un remboursement venu d'une « bonne » adresse »
    }

    [Theory]
    [InlineData("fr-BE", "c'est quoi Card Stop ?", "Déjà cliqué ? Agir vite")]
    [InlineData("en-US", "what is card stop?", "Already clicked? Act quickly")]
    public async Task WhatIsCardStop_PointsToTheStepWithItsNumber_NotToTheFraudstersWhoPoseAsIt(string locale, string question, string stepTitle)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Claire", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync(question);
        var step = await chat.ClickAsync(Ui.Text(Learning.Catalog.Languages.FromLocale(locale), "subject.open"));

        Assert.Contains(Shown.In(locale, stepTitle), reply.Card.Title, StringComparison.Ordinal);
        Assert.Contains(step.Card.Texts, t => t.Contains(Shown.In(locale, "078 170 170"), StringComparison.Ordinal));
    }

    /// <summary>
    /// A newcomer's pointer to module 5 offered "Commencer", which opened module 1 (found by a walk): the start button
    /// under a pointer starts the module it points to, from its first step.
    /// </summary>
    [Theory]
    [InlineData("fr-BE", "c'est quoi l'eBox ?", "Commencer le module 5")]
    [InlineData("nl-BE", "wat is CSAM?", "Module 3 beginnen")]
    public async Task ANewcomersPointer_StartsTheModuleItPointsTo(string locale, string question, string start)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Claire", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync(question);
        var opened = await chat.ClickAsync(start);

        Assert.DoesNotContain(reply.Card.Buttons, b => b["title"]?.GetValue<string>() == Ui.Text(Learning.Catalog.Languages.FromLocale(locale), "welcome.start"));
        var module = Course.Modules.Single(m => m.Number == int.Parse(start.Where(char.IsDigit).ToArray(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(module.Id, Learner(chat).Progress.Current?.ModuleId);
        Assert.Contains(module.Texts[Learning.Catalog.Languages.FromLocale(locale)].Steps[module.Steps[0].Id].Title, opened.Card.Texts);
    }

    [Theory]
    [InlineData("fr-BE", "Où en suis-je ?", "progression")]
    [InlineData("nl-BE", "waar sta ik?", "voortgang")]
    [InlineData("de-BE", "Wo stehe ich?", "fortschritt")]
    [InlineData("en-US", "where am I?", "progress")]
    public async Task WhereAmI_InOwnWords_IsTheProgressCommand(string locale, string question, string command)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        await chat.InstallAsync();

        var asked = await chat.SendAsync(question);
        var commanded = await chat.SendAsync(command);

        Assert.Equal(commanded.Card.Title, asked.Card.Title);
        Assert.Equal(commanded.Card.Texts, asked.Card.Texts);
    }

    [Theory]
    [InlineData("nl-BE", "stop", "Goed, we stoppen hier: je voortgang is bewaard. Typ **verder**", "**later**")]
    [InlineData("de-BE", "Stopp!", "Gut, wir hören hier auf: Ihr Fortschritt ist gespeichert. Tippen Sie **weiter**", "**später**")]
    [InlineData("fr-BE", "merci, on arrête", "D'accord, on s'arrête là : votre progression est enregistrée. Tapez **continuer**", "**plus tard**")]
    [InlineData("en-US", "enough for today", "All right, we'll stop here: your progress is saved. Type **continue**", "**reminders off**")]
    public async Task Stop_SaysProgressIsKept_AndHowToComeBackOrPauseReminders(string locale, string text, string expected, string alsoMentions)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync(text);

        Assert.StartsWith(Shown.In(locale, expected), OneLine(reply), StringComparison.Ordinal);
        Assert.Contains(alsoMentions, OneLine(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-BE", "Commencer", "bonjour", "Bonjour ! Tapez **continuer** pour reprendre")]
    [InlineData("nl-BE", "Beginnen", "ok", "👍 Typ **verder**")]
    [InlineData("de-BE", "Starten", "hallo", "Guten Tag! Tippen Sie **weiter**")]
    [InlineData("en-US", "Start", "👍", "👍 Type **continue**")]
    public async Task SmallTalk_MidCourse_PointsToContinue(string locale, string start, string text, string expected)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        await chat.InstallAsync();
        await chat.ClickAsync(start);

        var reply = await chat.SendAsync(text);

        Assert.StartsWith(Shown.In(locale, expected), OneLine(reply), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> FaqQuestions() => new()
    {
        { "fr-BE", "Est-ce obligatoire ?", "C'est votre organisation qui décide" },
        { "fr-BE", "Combien de temps ça prend ?", "Six modules d'environ 10 à 15 minutes" },
        { "fr-BE", "Je peux la suivre sur mon téléphone ?", "Oui. Je fonctionne dans l'application Teams" },
        { "fr-BE", "Qui voit mes résultats ?", "Vous voyez tout." },
        { "fr-BE", "C'est quoi le badge ?", "Le badge Connectoo est une attestation numérique" },
        { "fr-BE", "Comment arrêter les rappels ?", "Tapez **rappels off**" },
        { "nl-BE", "Is het verplicht?", "Of deze opleiding voor jou verplicht is" },
        { "nl-BE", "Hoe lang duurt het?", "Zes modules van ongeveer 10 tot 15 minuten" },
        { "nl-BE", "Kan ik het op mijn gsm doen?", "Ja. Ik werk in de Teams-app" },
        { "nl-BE", "Wie ziet mijn resultaten?", "Jij ziet alles." },
        { "nl-BE", "Wat is de badge?", "De Connectoo-badge is een digitaal bewijs" },
        { "nl-BE", "Hoe zet ik de herinneringen uit?", "Typ **herinneringen uit**" },
        { "de-BE", "Ist das Pflicht?", "Ob diese Schulung für Sie Pflicht ist" },
        { "de-BE", "Wie lange dauert es?", "Sechs Module von jeweils etwa 10 bis 15 Minuten" },
        { "de-BE", "Geht das auf dem Handy?", "Ja. Ich funktioniere in der Teams-App" },
        { "de-BE", "Wer sieht meine Ergebnisse?", "Sie sehen alles." },
        { "de-BE", "Was ist das Abzeichen?", "Das Connectoo-Abzeichen ist ein digitaler Nachweis" },
        { "de-BE", "Wie stelle ich die Erinnerungen ab?", "Tippen Sie **erinnerungen aus**" },
        { "en-US", "Is it mandatory?", "Your organisation decides" },
        { "en-US", "How long does it take?", "Six modules of about 10 to 15 minutes" },
        { "en-US", "Can I do it on my phone?", "Yes. I work in the Teams app" },
        { "en-US", "Who sees my results?", "You see everything." },
        { "en-US", "What is the badge?", "The Connectoo badge is a digital credential" },
        { "en-US", "How do I stop reminders?", "Type **reminders off**" },
    };

    [Theory]
    [MemberData(nameof(FaqQuestions))]
    public async Task FaqQuestion_GetsItsAnswer_InTheLearnersLanguage(string locale, string question, string answer)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync(question);

        Assert.StartsWith(answer, OneLine(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("${", OneLine(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GreetingWithAQuestion_GetsTheAnswer()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", "fr-BE"));
        await chat.InstallAsync();

        var reply = await chat.SendAsync("bonjour combien de temps faut-il ?");

        Assert.StartsWith("Six modules", OneLine(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-BE", "Désolé, je n'ai pas compris «\u00A0quelle météo demain ?\u00A0»", "Aide", "Commencer")] // what was typed keeps its own spaces
    [InlineData("nl-BE", "Sorry, ik begrijp “quelle météo demain ?” niet.", "Hulp", "Beginnen")]
    [InlineData("de-BE", "Entschuldigung, ich habe „quelle météo demain ?“ nicht verstanden.", "Hilfe", "Starten")]
    [InlineData("en-US", "Sorry, I didn't understand “quelle météo demain ?”.", "Help", "Start")]
    public async Task UnknownText_GetsOneLineAndACompactHelpButton_ThatOpensTheHelpBelow(string locale, string line, string help, string start)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync("quelle météo demain ?");

        var card = reply.Card;
        Assert.StartsWith(line, card.Title, StringComparison.Ordinal);
        Assert.Single(card.Texts);
        Assert.Equal([start, help], card.Buttons.Select(b => b["title"]!.GetValue<string>()));
        Assert.Equal(card.Title, card.Json["fallbackText"]!.GetValue<string>());

        // The help opens below: the card it was asked from, an answer the learner may still want, stays as it was.
        var help2 = await chat.ClickAsync(help);
        Assert.Null(help2.InvokeCard);
        Assert.Equal(Ui.Text(Learning.Catalog.Languages.FromLocale(locale), "journey.opened"), help2.InvokeMessage);
        Assert.Equal(ConnectooBot.Testing.Connector.ActivityOperation.Send, Assert.Single(help2.Sent).Operation);
        Assert.True(help2.Card.Texts.Count > 5);
    }

    [Fact]
    public async Task UnknownText_IsEchoedSafely()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Sam"));
        await chat.InstallAsync();

        var reply = await chat.SendAsync("**bold** <at>Boss</at> [x](https://evil.example) " + new string('a', 100));

        var line = reply.Card.Title;
        Assert.Contains("\\*\\*bold\\*\\*", line, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", line, StringComparison.Ordinal);
        Assert.Contains("\\[x]", line, StringComparison.Ordinal);
        Assert.Contains("…", line, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 100), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionMarkAlone_GetsThePrompt_WithoutAnEcho()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Sam"));
        await chat.InstallAsync();

        var reply = await chat.SendAsync("?");

        Assert.StartsWith("Ask me in a few words", reply.Card.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-BE", "aide", "Commencer", "Reprendre là où j'en étais")]
    [InlineData("nl-BE", "hulp", "Beginnen", null)]
    [InlineData("de-BE", "hilfe", "Starten", null)]
    [InlineData("en-US", "help", "Start", "Continue where I left off")]
    public async Task Help_ForANewcomer_OffersStart(string locale, string text, string start, string? continueLabel)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync(text);

        var titles = reply.Card.Buttons.Select(b => b["title"]!.GetValue<string>()).ToList();
        Assert.Equal([start], titles);
        if (continueLabel is not null)
        {
            Assert.DoesNotContain(continueLabel, titles);
        }
    }

    [Theory]
    [InlineData("fr-BE", "Commencer", "aide")]
    [InlineData("nl-BE", "Beginnen", "hulp")]
    [InlineData("de-BE", "Starten", "hilfe")]
    [InlineData("en-US", "Start", "help")]
    public async Task Help_MidCourse_OffersContinue_NotStart(string locale, string start, string text)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        await chat.InstallAsync();
        var lesson = await chat.ClickAsync(start);
        var step = lesson.Card.Title;

        var help = await chat.SendAsync(text);

        var verbs = help.Card.Buttons.Select(b => b["verb"]!.GetValue<string>()).ToList();
        Assert.Equal(["course.continue", "course.map"], verbs);
        Assert.DoesNotContain(help.Card.Texts, t => t.StartsWith($"**{start.ToLowerInvariant()}**", StringComparison.Ordinal));
        var resumed = await chat.ClickAsync(help.Card.Buttons[0]["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, resumed.Status);
        Assert.Equal(step, resumed.Card.Title);
    }

    [Fact]
    public async Task UnknownText_MidCourse_OffersContinue()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", "fr-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Commencer");

        var reply = await chat.SendAsync("xyzzy");

        Assert.Equal(["course.continue", "help.show"], reply.Card.Buttons.Select(b => b["verb"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("fr-BE", "aide", "Ce que je sais faire dans ce canal", "**@Connectoo relances lundi 10:00**", "**@Connectoo responsables ajouter @Nom**")]
    [InlineData("nl-BE", "hulp", "Wat ik in dit kanaal kan", "**@Connectoo aanmoedigingen maandag 10:00**", "**@Connectoo beheerders toevoegen @Naam**")]
    [InlineData("de-BE", "hilfe", "Was ich in diesem Kanal kann", "**@Connectoo impulse montag 10:00**", "**@Connectoo verantwortliche hinzufügen @Name**")]
    [InlineData("en-US", "help", "What I can do in this channel", "**@Connectoo nudges monday 10:00**", "**@Connectoo managers add @Name**")]
    public async Task ChannelHelp_ListsTheManagerCommands_WithExamples(string locale, string text, string title, string nudges, string add)
    {
        var mention = Bot.Activities.ChannelMention(TeamsUser.Create("Jan", locale), "19:team@thread.tacv2", "19:chan@thread.tacv2", text);

        using var response = await Bot.PostAsync(mention);

        var posted = Assert.Single(Bot.Connector.Activities);
        Assert.Equal(mention.Conversation!.Id, posted.ConversationId);
        var card = new CardView((JsonObject)posted.Activity.Attachments![0].Content!);
        Assert.Equal(title, card.Title);
        Assert.Contains(card.Texts, t => t.StartsWith(nudges, StringComparison.Ordinal));
        Assert.Contains(card.Texts, t => t.StartsWith(add, StringComparison.Ordinal));
        Assert.Equal(6, card.Texts.Count(t => t.StartsWith("**@Connectoo ", StringComparison.Ordinal)));
        Assert.Empty(card.Buttons);
    }

    [Fact]
    public async Task ChannelSmallTalk_GetsOneLine_WithoutCourseHints()
    {
        var mention = Bot.Activities.ChannelMention(TeamsUser.Create("Jan", "nl-BE"), "19:team@thread.tacv2", "19:chan@thread.tacv2", "bedankt");

        using var response = await Bot.PostAsync(mention);

        var posted = Assert.Single(Bot.Connector.Activities);
        Assert.Equal("Graag gedaan!", posted.Activity.Text);
    }

    private static string OneLine(BotReply reply)
    {
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var sent = Assert.Single(reply.Sent);
        Assert.True(sent.Activity.Attachments is null or { Count: 0 }, "Small talk and answers come without a card.");
        var text = sent.Activity.Text!;
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        return text;
    }
}
