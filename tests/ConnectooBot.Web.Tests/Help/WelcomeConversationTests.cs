using ConnectooBot.Web.Tests.BotHosting;
using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Tests.Hosting;

namespace ConnectooBot.Web.Tests.Help;

/// <summary>First contact, help and install, as chats: what a person sees, in their Teams language.</summary>
public sealed class WelcomeConversationTests() : BotTest()
{
    [Theory]
    [InlineData("fr-BE", "Bienvenue dans Connectoo", "Commencer")]
    [InlineData("nl-BE", "Welkom bij Connectoo", "Beginnen")]
    [InlineData("de-BE", "Willkommen bei Connectoo", "Starten")]
    [InlineData("en-US", "Welcome to Connectoo", "Start")]
    [InlineData("es-ES", "Welcome to Connectoo", "Start")]
    public async Task Install_ShowsTheWelcomeInTheTeamsLanguage(string locale, string title, string start)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));

        var reply = await chat.InstallAsync();

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(title, reply.Card.Title);
        Assert.NotNull(reply.Card.Button(start));
        Assert.Equal("1.5", reply.Card.Json["version"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("fr-BE", "Commencer", "Choisissez votre langue :")]
    [InlineData("nl-BE", "Beginnen", "Kies je taal:")]
    [InlineData("de-BE", "Starten", "Wählen Sie Ihre Sprache:")]
    [InlineData("en-US", "Start", "Choose your language:")]
    public async Task Welcome_OffersTheFourLanguages_AndOnePrimaryStart(string locale, string start, string prompt)
    {
        var reply = await Bot.PersonalChat(TeamsUser.Create("Anne", locale)).InstallAsync();

        var card = reply.Card;
        Assert.Contains(Shown.In(locale, prompt), card.Texts);
        Assert.Equal(["Français", "Nederlands", "Deutsch", "English"], LanguageButtons(card).Select(b => b["title"]!.GetValue<string>()));
        var primary = Assert.Single(card.Json["actions"]!.AsArray())!;
        Assert.Equal(start, primary["title"]!.GetValue<string>());
        Assert.Equal("positive", primary["style"]!.GetValue<string>());
        Assert.Equal("course.start", primary["verb"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(card.Json["fallbackText"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("en-US", "Français", "Bienvenue dans Connectoo", "Désormais, je vous écris en français.", "Commencer", "Ce que je conserve")]
    [InlineData("fr-BE", "Nederlands", "Welkom bij Connectoo", "Vanaf nu schrijf ik je in het Nederlands.", "Beginnen", "Wat ik bijhoud")]
    [InlineData("nl-BE", "Deutsch", "Willkommen bei Connectoo", "Ab jetzt schreibe ich Ihnen auf Deutsch.", "Starten", "Was ich speichere")]
    [InlineData("de-BE", "English", "Welcome to Connectoo", "From now on I will write to you in English.", "Start", "What I keep")]
    public async Task WelcomeLanguageClick_KeepsTheWelcomeAndItsPrivacyNote_InTheChosenLanguage(string locale, string button, string title, string confirmation, string start, string privacy)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Amélie", locale));
        await chat.InstallAsync();

        var reply = await chat.ClickAsync(button);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(reply.Sent);
        Assert.Equal(title, reply.Card.Title);
        Assert.Equal(confirmation, reply.Card.Texts[1]);
        Assert.Contains(reply.Card.Texts, t => t.StartsWith(privacy, StringComparison.Ordinal));
        Assert.Equal(4, LanguageButtons(reply.Card).Count);
        Assert.Equal(start, Assert.Single(reply.Card.Json["actions"]!.AsArray())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task FrenchLearnerOnAnEnglishClient_FirstMinute_WelcomeThenFrancaisThenTheFirstStepInFrench()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Amélie", "en-US"));
        var welcome = await chat.InstallAsync();
        Assert.Equal("Welcome to Connectoo", welcome.Card.Title);

        await chat.ClickAsync("Français");
        var first = await chat.ClickAsync("Commencer");

        var course = Bot.Services.GetRequiredService<Learning.Catalog.Course>();
        var module = course.Modules[0];
        Assert.Equal(module.Texts["fr"].Steps[module.Steps[0].Id].Title, first.Card.Texts[1]);
    }

    [Fact]
    public async Task Hello_AfterChoosingALanguage_IsAnsweredInThatLanguage_WhateverTheTeamsLocale()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Jan", "en-US"));
        await chat.InstallAsync();
        await chat.ClickAsync("Nederlands");

        var reply = await chat.SendAsync("hello");

        // A greeting gets one line (small talk), in the chosen language, with the next step.
        var line = Assert.Single(reply.Sent).Activity.Text;
        Assert.StartsWith("Hallo! Typ **beginnen**", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_StoresTheConversationAndTheLearner()
    {
        var user = TeamsUser.Create("Jan", "nl-BE");
        var chat = Bot.PersonalChat(user);

        await chat.InstallAsync();

        var conversation = await Bot.Services.GetRequiredService<IConversationStore>().FindAsync(Bot.Activities.TenantId, chat.ConversationId, CancellationToken.None);
        var learner = await Bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new(Bot.Activities.TenantId, user.AadObjectId), CancellationToken.None);
        Assert.Equal(Bot.Connector.ServiceUrl, conversation!.ServiceUrl);
        Assert.True(conversation.Active);
        Assert.Equal("nl", learner!.Value.Language);
    }

    [Theory]
    [InlineData("fr-BE", "aide", "Ce que je sais faire")]
    [InlineData("nl-BE", "Hulp", "Wat ik kan")]
    [InlineData("de-BE", "hilfe!", "Was ich kann")]
    [InlineData("en-GB", "help", "What I can do")]
    public async Task Help_InEachLanguage_ShowsTheCommands(string locale, string text, string title)
    {
        var reply = await Bot.PersonalChat(TeamsUser.Create("Lea", locale)).SendAsync(text);

        Assert.Equal(title, reply.Card.Title);
    }

    [Fact]
    public async Task Hello_GetsAGreetingLine_NotTheWholeWelcomeAgain()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lea", "de-BE"));
        await chat.InstallAsync();

        var reply = await chat.SendAsync("Guten Tag");

        var sent = Assert.Single(reply.Sent);
        Assert.StartsWith("Guten Tag!", sent.Activity.Text, StringComparison.Ordinal);
        Assert.True(sent.Activity.Attachments is null or { Count: 0 });
    }

    [Theory]
    [InlineData("nl-BE", "hallo", "Welkom bij Connectoo", "Wat ik bijhoud")]
    [InlineData("de-BE", "Guten Tag", "Willkommen bei Connectoo", "Was ich speichere")]
    [InlineData("fr-BE", "bonjour", "Bienvenue dans Connectoo", "Ce que je conserve")]
    [InlineData("en-US", "hi", "Welcome to Connectoo", "What I keep")]
    public async Task Hello_AsFirstContact_WithNoInstallationBefore_GetsTheWelcome_WithWhatTheBotKeeps(string locale, string text, string title, string privacy)
    {
        // Teams sends the installation first; when it never came, the learner's first words still lead to the welcome,
        // not to a line that assumes they have seen it.
        var chat = Bot.PersonalChat(TeamsUser.Create("Jan", locale));

        var reply = await chat.SendAsync(text);
        var again = await chat.SendAsync(text);

        Assert.Equal(title, reply.Card.Title);
        Assert.Contains(reply.Card.Texts, t => t.StartsWith(privacy, StringComparison.Ordinal));
        Assert.True(Assert.Single(again.Sent).Activity.Attachments is null or { Count: 0 }, "the second greeting gets a line");
    }

    [Theory]
    [InlineData("nl-BE", "beginnen", "Wat ik bijhoud")]
    [InlineData("de-BE", "starten", "Was ich speichere")]
    [InlineData("fr-BE", "commencer", "Ce que je conserve")]
    [InlineData("en-US", "start", "What I keep")]
    public async Task Start_AsFirstContact_WithNoInstallationBefore_SaysWhatTheBotKeeps_ThenOpensTheFirstStep(string locale, string text, string privacy)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Jan", locale));

        var reply = await chat.SendAsync(text);
        var again = await chat.SendAsync(text);

        Assert.Equal(2, reply.Sent.Count);
        var welcome = new CardView((JsonObject)reply.Sent[0].Activity.Attachments![0].Content!).Title;
        Assert.StartsWith($"**{Ui.Text(locale[..2], "welcome.title")}**", welcome, StringComparison.Ordinal);
        Assert.Contains("\n\n" + privacy, welcome, StringComparison.Ordinal);
        var first = Course.Modules[0];
        Assert.Equal(first.Texts[locale[..2]].Steps[first.Steps[0].Id].Title, reply.Card.Texts[1]);
        Assert.DoesNotContain(again.Sent, s => new CardView((JsonObject)s.Activity.Attachments![0].Content!).Title.Contains(privacy, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FreeText_GetsOneLineAndAHelpButton_NotSilence()
    {
        var reply = await Bot.PersonalChat(TeamsUser.Create("Sam")).SendAsync("what's the weather?");

        Assert.True(reply.Card.Mentions("what's the weather?"));
        Assert.NotNull(reply.Card.Button("Help"));
    }

    [Fact]
    public async Task TeamInstall_PostsTheIntroductionInTheChosenChannel()
    {
        var installer = TeamsUser.Create("Marie", "fr-BE");

        using var response = await Bot.PostAsync(Bot.Activities.TeamInstall(installer, "19:team@thread.tacv2", "19:chosen@thread.tacv2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = Assert.Single(Bot.Connector.Activities);
        Assert.Equal("19:chosen@thread.tacv2", posted.ConversationId);
        Assert.Equal(ActivityOperation.Send, posted.Operation);
        Assert.Equal("Connectoo rejoint cette équipe", new CardView((System.Text.Json.Nodes.JsonObject)posted.Activity.Attachments![0].Content!).Title);
    }

    [Fact]
    public async Task ChannelMention_HelpAnswersInTheThread()
    {
        var user = TeamsUser.Create("Jan", "nl-BE");
        var mention = Bot.Activities.ChannelMention(user, "19:team@thread.tacv2", "19:chan@thread.tacv2", "hulp");

        using var response = await Bot.PostAsync(mention);

        var posted = Assert.Single(Bot.Connector.Activities);
        Assert.Equal(mention.Conversation!.Id, posted.ConversationId);
        Assert.Equal("Wat ik in dit kanaal kan", new CardView((System.Text.Json.Nodes.JsonObject)posted.Activity.Attachments![0].Content!).Title);
    }

    private static List<System.Text.Json.Nodes.JsonObject> LanguageButtons(CardView card) =>
        [.. card.Buttons.Where(b => b["verb"]?.GetValue<string>() == "language.set")];
}
