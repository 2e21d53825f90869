using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Tests.BotHosting;
using ConnectooBot.Web.Tests.Hosting;

namespace ConnectooBot.Web.Tests.Badges;

/// <summary>From install to the Connectoo badge, as a chat, then sharing it with the team.</summary>
public sealed class BadgeConversationTests() : BotTest()
{
    private const string TeamId = "19:guichet@thread.tacv2";

    /// <summary>
    /// Install to badge in each language: every lesson read, a failed quiz and its retry, a double click on an answer,
    /// a language switch mid-course, Next on a card of a module passed long ago — and the badge card at the end, in the new language.
    /// </summary>
    [Theory]
    [InlineData("fr-BE", "nl")]
    [InlineData("nl-BE", "de")]
    [InlineData("de-BE", "en")]
    [InlineData("en-US", "fr")]
    public async Task Learner_GoesFromInstallToBadge_ThroughAFailedQuiz_ADoubleClick_ALanguageSwitch_AndAnOldCard(string locale, string switchTo)
    {
        var language = locale[..2];
        var chat = Bot.PersonalChat(TeamsUser.Create("Aïcha Janssens", locale));
        await chat.InstallAsync();
        var modules = Course.Modules;

        // Module 1: read every step, fail the quiz (5 of 8), then pass the retry.
        await OpenAsync(chat, "module.open", modules[0].Id);
        var firstStep = chat.Card!;
        for (var i = 0; i < modules[0].Steps.Count; i++)
        {
            await chat.ClickAsync(Ui.Text(language, "lesson.next"));
        }

        await chat.ClickAsync(chat.Card!.Buttons[0]["title"]!.GetValue<string>());
        var failed = await TakeQuizAsync(chat, language, correct: 5);
        Assert.Contains(Ui.Format(language, "result.failed", ("pass", 80)), failed.Card.Texts);
        await chat.ClickAsync(Ui.Text(language, "result.retry"));
        await TakeQuizAsync(chat, language, correct: 8);

        // Module 2: a double click on the first answer counts once.
        await OpenAsync(chat, "module.open", modules[1].Id);
        await chat.PostAsync(Execute(chat, "quiz.start", modules[1].Id));
        var question = chat.Card!;
        await AnswerRightAsync(chat);
        var submit = question.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        await chat.ClickAsync(question, submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = Correct(submit) });
        Assert.Single(Learner(chat).Progress.Module(modules[1].Id).Attempts.Single().Answers);
        await chat.ClickAsync(Ui.Text(language, "feedback.next"));
        await FinishQuizAsync(chat, language, answered: 1);

        // Module 3 in the first language, then a switch of language; the rest of the course in the new one.
        await CompleteModuleAsync(chat, modules[2], language);
        await chat.SendAsync(Ui.CommandWord(language, "language"));
        await chat.ClickAsync(Ui.Text(switchTo, "language.name"));
        Assert.Equal(switchTo, Learner(chat).Language);

        // Next on the very first lesson card, of a module passed long ago: its next step to read, in the new language;
        // the learner's place does not move.
        var before = Learner(chat).Progress;
        var reread = await chat.ClickAsync(firstStep, Ui.Text(language, "lesson.next"));
        Assert.Equal(modules[0].Texts[switchTo].Steps[modules[0].Steps[1].Id].Title, reread.Card.Texts[1]);
        Assert.Equal(before.Current, Learner(chat).Progress.Current);

        BotReply last = null!;
        foreach (var module in modules.Skip(3))
        {
            last = await CompleteModuleAsync(chat, module, switchTo);
        }

        // The last result card says the course is complete; the badge card arrives as a new message below it.
        Assert.Contains(Ui.Text(switchTo, "result.completed"), new CardView(last.InvokeCard!).Texts);
        // The way on is the optional final case, named as such, not a seventh "Next module".
        var ways = new CardView(last.InvokeCard!).Buttons.Select(b => b["title"]?.GetValue<string>()).ToList();
        Assert.Contains(Ui.Text(switchTo, "map.case.open"), ways);
        Assert.DoesNotContain(Ui.Text(switchTo, "result.next"), ways);
        var badgeCard = Assert.Single(BadgeCards(last));
        var card = new CardView(badgeCard);
        Assert.Equal(Ui.Format(switchTo, "badgecard.title", ("name", "Aïcha Janssens")), card.Texts[0]);
        var image = badgeCard["body"]![0]!;
        Assert.Equal("Image", image["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(image["altText"]!.GetValue<string>()));
        var facts = FactsOf(badgeCard);
        Assert.Equal("Aïcha Janssens", facts[Ui.Text(switchTo, "badgecard.holder")]);
        Assert.Matches(@"\d{1,2}\.? \S+ 20\d\d", facts[Ui.Text(switchTo, "badgecard.date")]);
        foreach (var module in modules)
        {
            Assert.Equal(switchTo == "en" ? "100%" : Shown.In(switchTo, "100 %"), facts[module.Texts[switchTo].Title]); // French keeps % with its number; English writes none
        }

        Assert.Equal(2, Learner(chat).Progress.Module(modules[0].Id).AttemptCount);
        var badge = Assert.Single(await Bot.Services.GetRequiredService<IBadgeStore>().FindByLearnerAsync(new(Bot.Activities.TenantId, chat.User.AadObjectId), CancellationToken.None));
        var verify = OpenUrl(badgeCard, Ui.Text(switchTo, "badgecard.verify"));
        Assert.EndsWith("/badges/" + badge.BadgeId, verify, StringComparison.Ordinal);
        using var page = await Bot.Client.GetAsync(new Uri(verify).PathAndQuery + "?lang=" + switchTo);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Aïcha Janssens", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.EndsWith("/badges/" + badge.BadgeId + "/image.png", OpenUrl(badgeCard, Ui.Text(switchTo, "badgecard.download")), StringComparison.Ordinal);
        var wallet = OpenUrl(badgeCard, Ui.Text(switchTo, "badge.wallet.button"));
        Assert.EndsWith("/badges/" + badge.BadgeId + "/credential.jwt", wallet, StringComparison.Ordinal);
        using var file = await Bot.Client.GetAsync(new Uri(wallet).PathAndQuery);
        Assert.Equal("application/vc+jwt", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(badge.Credential, await file.Content.ReadAsStringAsync());
    }

    private async Task<BotReply> TakeQuizAsync(PersonalChat chat, string language, int correct)
    {
        BotReply reply = null!;
        for (var i = 0; i < Course.QuestionsPerAttempt; i++)
        {
            var submit = chat.Card!.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
            var choice = i < correct ? Correct(submit) : Wrong(submit);
            await chat.ClickAsync(submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = choice });
            reply = await chat.ClickAsync(Ui.Text(language, i < Course.QuestionsPerAttempt - 1 ? "feedback.next" : "feedback.result"));
        }

        return reply;
    }

    private async Task FinishQuizAsync(PersonalChat chat, string language, int answered)
    {
        for (var i = answered; i < Course.QuestionsPerAttempt; i++)
        {
            await AnswerRightAsync(chat);
            await chat.ClickAsync(Ui.Text(language, i < Course.QuestionsPerAttempt - 1 ? "feedback.next" : "feedback.result"));
        }
    }

    private string Correct(JsonObject submit) => Question(submit).Correct;

    private string Wrong(JsonObject submit) => Question(submit).Choices.First(c => c != Question(submit).Correct);

    private Question Question(JsonObject submit) =>
        Course.FindModule(submit["data"]!["m"]!.GetValue<string>())!.FindQuestion(submit["data"]!["q"]!.GetValue<string>())!;

    [Fact]
    public async Task DoubleClickOnTheLastResult_IssuesOneBadge_AndPostsOneBadgeCard()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Jef", "nl-BE"));
        await chat.InstallAsync();
        foreach (var module in Course.Modules.SkipLast(1))
        {
            await CompleteModuleAsync(chat, module, "nl");
        }

        var lastModule = Course.Modules[^1];
        await OpenAsync(chat, "module.open", lastModule.Id);
        await chat.PostAsync(Execute(chat, "quiz.start", lastModule.Id));
        for (var i = 0; i < Course.QuestionsPerAttempt - 1; i++)
        {
            await AnswerRightAsync(chat);
            await chat.ClickAsync(Ui.Text("nl", "feedback.next"));
        }

        await AnswerRightAsync(chat);
        var feedback = chat.Card!;
        var first = await chat.ClickAsync(feedback, Ui.Text("nl", "feedback.result"));
        var second = await chat.ClickAsync(feedback, Ui.Text("nl", "feedback.result"));

        Assert.Single(BadgeCards(first));
        Assert.Empty(BadgeCards(second));
        Assert.Single(await Bot.Services.GetRequiredService<IBadgeStore>().FindByLearnerAsync(new(Bot.Activities.TenantId, chat.User.AadObjectId), CancellationToken.None));
    }

    [Fact]
    public async Task OnceEverythingIsDone_TheCaseResultOffersTheBadge_AndTheMapNoContinueThatWouldOnlyOpenItAgain()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Emma", "en-US"));
        await chat.InstallAsync();
        foreach (var module in Course.Modules)
        {
            await CompleteModuleAsync(chat, module, "en");
        }

        static bool IsContinue(JsonObject button) => button["verb"]?.GetValue<string>() == "course.continue";
        var beforeTheCase = await chat.SendAsync("modules");
        var caseResult = new CardView((await CompleteModuleAsync(chat, Course.FinalCase!, "en")).InvokeCard!);
        var done = await chat.SendAsync("modules");

        Assert.Contains(beforeTheCase.Card.Buttons, IsContinue); // it leads to the final case
        Assert.DoesNotContain(done.Card.Buttons, IsContinue);
        // The final case's result closes the course: the congratulation and the badge, not only the map.
        Assert.Contains(Ui.Text("en", "result.completed"), caseResult.Texts);
        Assert.Contains(caseResult.Buttons, b => b["verb"]?.GetValue<string>() == "badge.show");
    }

    [Fact]
    public async Task BadgeCommand_BeforeAnyModuleIsPassed_SaysWhatEarnsIt_NotThatNoneIsPassed()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Jonas", "de-BE"));
        await chat.InstallAsync();

        var reply = await chat.SendAsync("abzeichen");

        Assert.Equal($"Das Abzeichen erhalten Sie, sobald Sie alle {Course.Modules.Count} Module bestanden haben.", reply.Card.Title); // not "Bisher haben Sie 0 bestanden."
    }

    [Fact]
    public async Task BadgeCommand_BeforeTheEnd_SaysHowManyModulesAreLeft_OffersTheWayOn_AndIssuesNothing()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lena", "de-BE"));
        await chat.InstallAsync();
        await CompleteModuleAsync(chat, Course.Modules[0], "de");

        var reply = await chat.SendAsync("abzeichen");
        var onwards = await chat.ClickAsync(Ui.Text("de", "continue.button"));

        Assert.Equal(Ui.Format("de", "badgecard.notYet", ("total", Course.Modules.Count), ("passed", 1)), reply.Card.Title);
        Assert.Contains(onwards.Card.Texts, t => t.Contains(Course.Modules[1].Texts["de"].Title, StringComparison.Ordinal));
        Assert.Empty(await Bot.Services.GetRequiredService<IBadgeStore>().FindByLearnerAsync(new(Bot.Activities.TenantId, chat.User.AadObjectId), CancellationToken.None));
    }

    [Fact]
    public async Task Share_InTheLearnersOnlyTeam_PostsOneCongratulationWithAMention_AndNeverTwice()
    {
        var user = TeamsUser.Create("Marie Dubois", "fr-BE");
        await InstallInTeamAsync(TeamId, "Guichet Namur", user);
        var chat = await EarnBadgeAsync(user, "fr");
        Bot.Connector.Clear();

        var shared = await chat.ClickAsync(Ui.Text("fr", "badgecard.share"));
        var again = await chat.ClickAsync(Ui.Text("fr", "badgecard.share"));

        var post = Assert.Single(Bot.Connector.Activities, a => a.ConversationId == TeamId);
        var card = (JsonObject)post.Activity.Attachments![0].Content!;
        var mention = card["msteams"]!["entities"]![0]!;
        Assert.Equal("<at>Marie Dubois</at>", mention["text"]!.GetValue<string>());
        Assert.Equal(user.AccountId, mention["mentioned"]!["id"]!.GetValue<string>());
        Assert.Contains("<at>Marie Dubois</at>", new CardView(card).Texts[0], StringComparison.Ordinal);
        Assert.Contains(Ui.Format("fr", "share.done", ("team", "Guichet Namur")), shared.Card.Texts);
        Assert.Contains(Ui.Format("fr", "share.already", ("team", "Guichet Namur")), again.Card.Texts);
    }

    [Fact]
    public async Task Share_MentionsANameWithMarkupCharacters_Escaped_AndKeepsAccents()
    {
        var user = TeamsUser.Create("Zoë <Ops> & Co", "en-US");
        await InstallInTeamAsync(TeamId, "Front desk", user);
        var chat = await EarnBadgeAsync(user, "en");
        Bot.Connector.Clear();

        await chat.ClickAsync(Ui.Text("en", "badgecard.share"));

        var card = (JsonObject)Assert.Single(Bot.Connector.Activities, a => a.ConversationId == TeamId).Activity.Attachments![0].Content!;
        var mention = card["msteams"]!["entities"]![0]!;
        Assert.Equal("<at>Zoë &lt;Ops&gt; &amp; Co</at>", mention["text"]!.GetValue<string>());
        Assert.Equal("Zoë <Ops> & Co", mention["mentioned"]!["name"]!.GetValue<string>());
        Assert.Contains(mention["text"]!.GetValue<string>(), new CardView(card).Texts[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_WithSeveralTeams_AsksWhich_AndPostsOnlyInTheChosenOne()
    {
        var user = TeamsUser.Create("Tom", "en-US");
        await InstallInTeamAsync(TeamId, "Front desk", user);
        await InstallInTeamAsync("19:other@thread.tacv2", "Back office", user);
        await InstallInTeamAsync("19:notmine@thread.tacv2", "Somebody else's team", TeamsUser.Create("Zoe"));
        var chat = await EarnBadgeAsync(user, "en");
        Bot.Connector.Clear();

        var asked = await chat.ClickAsync(Ui.Text("en", "badgecard.share"));
        var choices = asked.Card.Json["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Input.ChoiceSet")!["choices"]!.AsArray();
        Assert.Equal(["Back office", "Front desk"], choices.Select(c => c!["title"]!.GetValue<string>()).Order());
        Assert.DoesNotContain(Bot.Connector.Activities, a => a.Operation == ActivityOperation.Send);

        await chat.ClickAsync(Ui.Text("en", "share.pickButton"), new Dictionary<string, string> { ["team"] = "19:other@thread.tacv2" });

        Assert.Single(Bot.Connector.Activities, a => a.ConversationId == "19:other@thread.tacv2");
        Assert.DoesNotContain(Bot.Connector.Activities, a => a.ConversationId == TeamId || a.ConversationId == "19:notmine@thread.tacv2");
    }

    [Fact]
    public async Task Share_WithATeamTheLearnerIsNotIn_OrAForgedBadgeId_PostsNothing()
    {
        var user = TeamsUser.Create("Eva", "en-US");
        await InstallInTeamAsync(TeamId, "Front desk", user);
        await InstallInTeamAsync("19:notmine@thread.tacv2", "Somebody else's team", TeamsUser.Create("Zoe"));
        var chat = await EarnBadgeAsync(user, "en");
        var badgeCard = chat.Card!;
        Bot.Connector.Clear();

        var foreignTeam = await chat.ClickAsync(badgeCard, Ui.Text("en", "badgecard.share"), new Dictionary<string, string> { ["team"] = "19:notmine@thread.tacv2" });
        var forged = await chat.PostAsync(Execute(chat, "badge.share", null, new JsonObject { ["b"] = new string('0', 32), ["team"] = TeamId }));

        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Equal(Ui.Text("en", "stale.where"), forged.Card.Title);
        Assert.DoesNotContain(Bot.Connector.Activities, a => a.Operation == ActivityOperation.Send);
        // Instead, the learner is asked to pick among their own teams.
        var choices = foreignTeam.Card.Json["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Input.ChoiceSet")!["choices"]!.AsArray();
        Assert.Equal("Front desk", Assert.Single(choices)!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Share_WhenTheBotIsInNoTeamOfTheLearner_ExplainsWhatToDo()
    {
        var chat = await EarnBadgeAsync(TeamsUser.Create("Nora", "nl-BE"), "nl");

        var reply = await chat.ClickAsync(Ui.Text("nl", "badgecard.share"));

        Assert.Contains(Ui.Text("nl", "share.none"), reply.Card.Texts);
        Assert.DoesNotContain(Bot.Connector.Activities, a => a.Operation == ActivityOperation.Send && a.ConversationId != chat.ConversationId);
    }

    private async Task<PersonalChat> EarnBadgeAsync(TeamsUser user, string language)
    {
        var chat = Bot.PersonalChat(user);
        await chat.InstallAsync();
        foreach (var module in Course.Modules)
        {
            await OpenAsync(chat, "module.open", module.Id);
            await chat.PostAsync(Execute(chat, "quiz.start", module.Id));
            await PassQuizAsync(chat, language);
        }

        Assert.Equal(Ui.Format(language, "badgecard.title", ("name", user.Name)), chat.Card!.Title);
        return chat;
    }

    private async Task InstallInTeamAsync(string teamId, string name, params TeamsUser[] members)
    {
        Bot.Connector.SetTeam(new TeamDetails(teamId, name, null));
        Bot.Connector.SetRoster(members.Select(m => new TeamsChannelAccount { Id = m.AccountId, AadObjectId = m.AadObjectId, Name = m.Name }), teamId);
        using var response = await Bot.PostAsync(Bot.Activities.TeamInstall(members[0], teamId, teamId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Every lesson step with Next, then the quiz from the lesson's end, every answer right.</summary>
    private async Task<BotReply> CompleteModuleAsync(PersonalChat chat, Module module, string language)
    {
        await OpenAsync(chat, "module.open", module.Id);
        for (var i = 0; i < module.Steps.Count; i++)
        {
            await chat.ClickAsync(Ui.Text(language, "lesson.next"));
        }

        await chat.ClickAsync(chat.Card!.Buttons[0]["title"]!.GetValue<string>());
        return await PassQuizAsync(chat, language);
    }

    private async Task<BotReply> PassQuizAsync(PersonalChat chat, string language)
    {
        BotReply reply = null!;
        for (var i = 0; i < Course.QuestionsPerAttempt; i++)
        {
            await AnswerRightAsync(chat);
            reply = await chat.ClickAsync(Ui.Text(language, i < Course.QuestionsPerAttempt - 1 ? "feedback.next" : "feedback.result"));
        }

        Assert.NotNull(reply.InvokeCard); // the result card, not an apology

        return reply;
    }

    private Task<BotReply> OpenAsync(PersonalChat chat, string verb, string moduleId) => chat.PostAsync(Execute(chat, verb, moduleId));

    private Activity Execute(PersonalChat chat, string verb, string? moduleId, JsonObject? data = null)
    {
        data ??= [];
        if (moduleId is not null)
        {
            data["m"] = moduleId;
        }

        return Bot.Activities.Execute(chat.User, chat.ConversationId, chat.Card?.MessageId ?? "unknown", verb, data);
    }

    private async Task AnswerRightAsync(PersonalChat chat)
    {
        var submit = chat.Card!.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        var module = Course.FindModule(submit["data"]!["m"]!.GetValue<string>())!;
        var question = module.FindQuestion(submit["data"]!["q"]!.GetValue<string>())!;
        await chat.ClickAsync(submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = question.Correct });
    }

    private static List<JsonObject> BadgeCards(BotReply reply) =>
        [.. reply.Sent.Select(s => s.Activity.Attachments?.FirstOrDefault()?.Content as JsonObject)
            .OfType<JsonObject>()
            .Where(c => c["actions"]!.AsArray().Any(a => a!["verb"]?.GetValue<string>() == "badge.share"))];

    private static Dictionary<string, string> FactsOf(JsonObject card) =>
        card["body"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "FactSet")
            .SelectMany(e => e!["facts"]!.AsArray())
            .ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());

    /// <summary>The URL of the card's Action.OpenUrl with this title, in the card's actions or in an ActionSet of its body.</summary>
    private static string OpenUrl(JsonObject card, string title) =>
        Actions(card).Single(a => a["type"]!.GetValue<string>() == "Action.OpenUrl" && a["title"]!.GetValue<string>() == title)["url"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["actions"] is JsonArray actions ? actions.OfType<JsonObject>() : [])
            .Concat(obj.Where(p => p.Key != "actions").SelectMany(p => Actions(p.Value))),
        JsonArray array => array.SelectMany(Actions),
        _ => [],
    };
}
