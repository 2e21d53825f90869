using ConnectooBot.Web.Tests.BotHosting;
using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Tests.Hosting;

namespace ConnectooBot.Web.Tests.Turns;

/// <summary>Buttons as Teams delivers them: Action.Execute invokes answered in the HTTP response, Action.Submit messages answered by updating the card.</summary>
public sealed class CardActionTests() : BotTest()
{
    [Fact]
    public async Task NextStep_ViaExecute_ReplacesTheCardInTheInvokeResponse()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", "fr-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Commencer");
        var sentBefore = Bot.Connector.Activities.Count;

        var reply = await chat.ClickAsync("Suivant");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.NotNull(reply.InvokeCard);
        Assert.Equal(200, reply.Body!["statusCode"]!.GetValue<int>());
        Assert.Equal(sentBefore, Bot.Connector.Activities.Count); // nothing posted: the module's card changed in place
    }

    [Fact]
    public async Task Start_ViaExecute_OpensTheModuleInANewMessage_AndTheWelcomeStays()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", "fr-BE"));
        await chat.InstallAsync();
        var sentBefore = Bot.Connector.Activities.Count;

        var reply = await chat.ClickAsync("Commencer");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Ouvert dans un nouveau message, plus bas.", reply.InvokeMessage); // the welcome card is left as it was
        var posted = Assert.Single(Bot.Connector.Activities.Skip(sentBefore));
        Assert.Equal(ActivityOperation.Send, posted.Operation);
    }

    [Fact]
    public async Task NextStep_ViaSubmitFallback_UpdatesTheClickedMessage()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Jan", "nl-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Beginnen");
        var welcomeMessage = chat.Card!.MessageId;

        var reply = await chat.ClickAsync("Volgende", viaSubmit: true);

        var update = Assert.Single(reply.Sent);
        Assert.Equal(ActivityOperation.Update, update.Operation);
        Assert.Equal(welcomeMessage, update.ActivityId);
    }

    [Fact]
    public async Task UnknownVerb_FromAnOldOrForgedCard_GetsAHelpfulNotice()
    {
        var user = TeamsUser.Create("Lea", "de-BE");
        var chat = Bot.PersonalChat(user);
        await chat.InstallAsync();

        var reply = await chat.PostAsync(Bot.Activities.Execute(user, chat.ConversationId, "1", "lesson.removed-in-2025", new JsonObject()));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Diese Schaltfläche gehört zu einer älteren Nachricht und gilt nicht mehr.", reply.Card.Title);
    }

    [Fact]
    public async Task BlockedByTheUser_MarksTheConversationInactive()
    {
        var user = TeamsUser.Create("Sam");
        var chat = Bot.PersonalChat(user);
        await chat.InstallAsync();
        Bot.Connector.FailNext(1, ConnectorFault.MessageWritesBlocked());

        var reply = await chat.SendAsync("help");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var stored = await Bot.Services.GetRequiredService<IConversationStore>().FindAsync(Bot.Activities.TenantId, chat.ConversationId, CancellationToken.None);
        Assert.False(stored!.Active);
        Assert.Equal("BlockedByUser", stored.InactiveReason);
    }

    [Fact]
    public async Task FailedTurn_ApologisesInTheUsersLanguage_AndReturns200()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Marie", "fr-BE"));
        await chat.InstallAsync();
        Bot.Connector.FailNext(1, 400, "BadArgument");

        var reply = await chat.SendAsync("aide");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Shown.In("fr", "Un problème est survenu de mon côté. Réessayez dans un instant ; votre progression est en sécurité."), reply.Card.Title);
    }
}
