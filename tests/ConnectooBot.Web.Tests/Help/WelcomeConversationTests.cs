using System.Net;
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
        var reply = await Bot.PersonalChat(TeamsUser.Create("Lea", "de-BE")).SendAsync("Guten Tag");

        var sent = Assert.Single(reply.Sent);
        Assert.StartsWith("Guten Tag!", sent.Activity.Text, StringComparison.Ordinal);
        Assert.True(sent.Activity.Attachments is null or { Count: 0 });
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
}
