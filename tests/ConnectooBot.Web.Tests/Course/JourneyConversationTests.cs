using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Tests.BotHosting;
using ConnectooBot.Web.Tests.Hosting;

namespace ConnectooBot.Web.Tests.Course;

/// <summary>The learner journey on the real course content, as a chat: lessons, a failed quiz, a retry, a pass.</summary>
public sealed class JourneyConversationTests() : BotTest()
{
    /// <summary>Answers the question on the current card: right, or the first wrong choice.</summary>
    private async Task<BotReply> AnswerAsync(PersonalChat chat, bool right)
    {
        var submit = chat.Card!.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        var module = Course.FindModule(submit["data"]!["m"]!.GetValue<string>())!;
        var question = module.FindQuestion(submit["data"]!["q"]!.GetValue<string>())!;
        var choice = right ? question.Correct : question.Choices.First(c => c != question.Correct);
        return await chat.ClickAsync(submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = choice });
    }

    private async Task<BotReply> TakeQuizAsync(PersonalChat chat, int correct, string next, string result)
    {
        BotReply reply = null!;
        for (var i = 0; i < Course.QuestionsPerAttempt; i++)
        {
            await AnswerAsync(chat, right: i < correct);
            reply = await chat.ClickAsync(i < Course.QuestionsPerAttempt - 1 ? next : result);
        }

        return reply;
    }

    [Theory]
    [InlineData("fr-BE", "Commencer", "Suivant", "Question suivante", "Voir mon résultat", "Réessayer")]
    [InlineData("nl-BE", "Beginnen", "Volgende", "Volgende vraag", "Mijn resultaat bekijken", "Opnieuw proberen")]
    [InlineData("de-BE", "Starten", "Weiter", "Nächste Frage", "Mein Ergebnis ansehen", "Noch einmal versuchen")]
    [InlineData("en-US", "Start", "Next", "Next question", "See my result", "Try again")]
    public async Task Learner_ReadsTheLesson_FailsTheQuiz_RetriesWithOtherQuestions_AndPasses(string locale, string start, string nextStep, string nextQuestion, string seeResult, string retry)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        await chat.InstallAsync();
        var first = Course.Modules[0];

        var lesson = await chat.ClickAsync(start);
        Assert.Equal(first.Texts[locale[..2]].Steps[first.Steps[0].Id].Title, lesson.Card.Texts[1]);
        for (var i = 0; i < first.Steps.Count; i++)
        {
            await chat.ClickAsync(nextStep);
        }

        var quiz = await chat.ClickAsync(chat.Card!.Buttons[0]["title"]!.GetValue<string>()); // the lesson end's first button: the quiz
        Assert.Contains("1", quiz.Card.Title, StringComparison.Ordinal);

        var failed = await TakeQuizAsync(chat, correct: 5, nextQuestion, seeResult);
        Assert.Contains("5", failed.Card.Texts[1], StringComparison.Ordinal);
        var firstAttempt = Learner(chat).Progress.Module(first.Id).Attempts[0].QuestionIds;

        // The steps to review are buttons named by the step's title, each on its own row (a long title keeps the card's width).
        var reviewRows = ReviewRows(failed.Card);
        Assert.NotEmpty(reviewRows);
        Assert.All(reviewRows, row => Assert.Single(row));
        var reviewTitle = reviewRows[0][0]!["title"]!.GetValue<string>();
        var reviewed = await chat.ClickAsync(failed.Card, reviewTitle);
        Assert.Equal(reviewTitle, reviewed.Card.Texts[1]);

        await chat.ClickAsync(failed.Card, retry);
        var passed = await TakeQuizAsync(chat, correct: 8, nextQuestion, seeResult);

        var progress = Learner(chat).Progress.Module(first.Id);
        Assert.True(progress.Passed);
        Assert.Equal(2, progress.AttemptCount);
        Assert.NotEqual(firstAttempt, progress.Attempts.Single().QuestionIds);
        Assert.Contains("100", passed.Card.Texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCourseFigure_MovesWithTheStepsRead_AndAPassedModuleCountsWhole()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Noor", "en-US"));
        await chat.InstallAsync();
        var first = Course.Modules[0];

        // "Step 1 of 8 · Course: 1% done": reading counts, so a learner who started never reads "0%".
        var figures = new List<int> { CourseFigure(await chat.ClickAsync("Start")) };
        for (var i = 1; i < first.Steps.Count; i++)
        {
            figures.Add(CourseFigure(await chat.ClickAsync("Next")));
        }

        Assert.True(figures[0] > 0, string.Join(", ", figures));
        Assert.Equal(figures.Order().ToList(), figures);
        Assert.True(figures[^1] > figures[0], string.Join(", ", figures));
        Assert.True(figures[^1] <= 100 / (2 * Course.Modules.Count), string.Join(", ", figures)); // the lesson is half a module

        await chat.ClickAsync("Next");
        var quiz = await chat.ClickAsync(chat.Card!.Buttons[0]["title"]!.GetValue<string>());
        Assert.Equal(100 / (2 * Course.Modules.Count), CourseFigure(quiz)); // lesson read, quiz not passed: half of one module

        await TakeQuizAsync(chat, correct: 8, "Next question", "See my result");
        var second = await chat.ClickAsync("Next module");
        Assert.True(CourseFigure(second) > 100 / Course.Modules.Count, chat.Card!.Texts[0]); // one module of six passed, and a step read

        static int CourseFigure(BotReply reply)
        {
            var label = reply.Card.Texts.First(t => t.Contains("Course:", StringComparison.Ordinal));
            var match = System.Text.RegularExpressions.Regex.Match(label, @"Course: (\d+)% done");
            Assert.True(match.Success, label);
            return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public async Task AWrongAnswer_ShowsEachExplanationUnderItsOwnAnswer_AndARightOneSaysRightOnce()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lena", "de-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Starten");
        await chat.ClickAsync("Übersicht der Schulung");
        await chat.ClickAsync("Quiz zu Modul 1");
        var submit = chat.Card!.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        var module = Course.FindModule(submit["data"]!["m"]!.GetValue<string>())!;
        var question = module.FindQuestion(submit["data"]!["q"]!.GetValue<string>())!;
        var text = module.Texts["de"].Questions[question.Id];
        var wrongChoice = question.Choices.First(c => c != question.Correct);

        var wrong = (await AnswerAsync(chat, right: false)).Card.Texts;

        // "Ihre Antwort …", its explanation, then "Die richtige Antwort …" and the right answer's explanation.
        var yours = wrong.ToList().IndexOf($"Ihre Antwort {text.Choices[wrongChoice].Text}");
        Assert.True(yours > 0, string.Join(" | ", wrong));
        Assert.Equal(
            [text.Choices[wrongChoice].Why, $"Die richtige Antwort {text.Choices[question.Correct].Text}", text.Choices[question.Correct].Why],
            wrong.Skip(yours + 1).Take(3));
        Assert.DoesNotContain(wrong, t => t.StartsWith("Richtig:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DoubleClickOnAnAnswer_CountsOnce()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Jan", "nl-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Beginnen");
        await chat.ClickAsync("Overzicht van de opleiding");
        await chat.ClickAsync("Quiz van module 1");
        var question = chat.Card!;

        var first = await AnswerAsync(chat, right: false);
        // The same question card is clicked again, as a double click would.
        var submit = question.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        var second = await chat.ClickAsync(question, submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = "a" });

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Single(Learner(chat).Progress.Module(Course.Modules[0].Id).Attempts[0].Answers);
        Assert.Equal(first.Card.Title, second.Card.Title);
    }

    [Fact]
    public async Task ClickOnAnOldLessonCard_ChangesNothing_AndSaysWhereTheLearnerIs()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lea", "de-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Starten");
        var stepOne = chat.Card!;
        await chat.ClickAsync("Weiter");
        await chat.ClickAsync("Weiter");
        var before = Learner(chat);

        var stale = await chat.ClickAsync(stepOne, "Weiter");

        Assert.Equal("Diese Schaltfläche gehört zu einer älteren Karte; es wurde nichts geändert.", stale.Card.Title);
        Assert.Contains("Schritt 3 von", stale.Card.Texts[1], StringComparison.Ordinal);
        Assert.Equal(before.Progress.Current, Learner(chat).Progress.Current);
    }

    [Fact]
    public async Task ClickOnAQuestionOfAFailedAttempt_AfterPassingTheRetry_SaysTheQuizWasPassed_NotItsLastQuestion()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lea", "de-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Starten");
        await chat.ClickAsync("Übersicht der Schulung");
        await chat.ClickAsync("Quiz zu Modul 1");
        var firstQuestion = chat.Card!;
        await TakeQuizAsync(chat, correct: 0, "Nächste Frage", "Mein Ergebnis ansehen");
        await chat.ClickAsync("Noch einmal versuchen");
        await TakeQuizAsync(chat, correct: Course.QuestionsPerAttempt, "Nächste Frage", "Mein Ergebnis ansehen");
        var before = Learner(chat);

        var submit = firstQuestion.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        var stale = await chat.ClickAsync(firstQuestion, submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = "a" });

        // Module 1 is passed: the learner is told so, not "Frage 8 von 8" of a quiz that is over.
        Assert.Equal("Diese Schaltfläche gehört zu einer älteren Karte; es wurde nichts geändert.", stale.Card.Title);
        Assert.EndsWith(Shown.In("de", "· ✅ Bestanden mit 100 %."), stale.Card.Texts[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Frage", stale.Card.Texts[1], StringComparison.Ordinal);
        Assert.Equivalent(before.Progress, Learner(chat).Progress);
    }

    [Fact]
    public async Task LanguageSwitch_KeepsProgress_AndContinueResumesInTheNewLanguage()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Sam", "en-US"));
        await chat.InstallAsync();
        await chat.ClickAsync("Start");
        await chat.ClickAsync("Next");
        await chat.SendAsync("language");

        await chat.ClickAsync("Français");
        var resumed = await chat.SendAsync("continuer");

        var first = Course.Modules[0];
        Assert.Equal(first.Texts["fr"].Steps[first.Steps[1].Id].Title, resumed.Card.Texts[1]);
        Assert.Equal("fr", Learner(chat).Language);
        Assert.True(Learner(chat).LanguageChosen);
    }

    [Fact]
    public async Task Start_ViaSubmitFallback_OpensTheModuleInANewMessage_AndLeavesTheWelcome()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Marie", "fr-BE"));
        await chat.InstallAsync();

        var reply = await chat.ClickAsync("Commencer", viaSubmit: true);

        Assert.Equal(ConnectooBot.Testing.Connector.ActivityOperation.Send, Assert.Single(reply.Sent).Operation);
    }

    /// <summary>The action rows of a quiz result that open a lesson step (verb lesson.open).</summary>
    private static List<JsonArray> ReviewRows(CardView card) =>
        [.. Descendants(card.Json).Where(o => o["type"]?.GetValue<string>() == "ActionSet")
            .Select(o => (JsonArray)o["actions"]!)
            .Where(actions => actions.Any(a => a?["verb"]?.GetValue<string>() == "lesson.open"))];

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(p => Descendants(p.Value))],
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };
}
