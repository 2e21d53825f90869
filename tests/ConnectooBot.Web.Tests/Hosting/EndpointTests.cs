using System.Net;
using System.Text;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Authentication;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Hosting;

/// <summary>POST /api/messages as Teams would call it, through the real host: status codes and what is (not) sent or stored.</summary>
public sealed class EndpointTests() : BotTest()
{
    [Fact]
    public async Task MalformedJson_Is400_AndNothingIsSent()
    {
        using var response = await Bot.PostRawAsync("{ \"type\": \"message\", ", token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Bot.Connector.Requests);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"a:1\"}}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"javascript:alert(1)\",\"conversation\":{\"id\":\"a:1\"}}")]
    [InlineData("{\"type\":42,\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\",\"conversation\":{\"id\":\"a:1\"}}")]
    public async Task ActivityWithoutTheEssentials_Is400(string body)
    {
        using var response = await Bot.PostRawAsync(body, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnIdentifierLongerThanTeamsEverSends_Is400()
    {
        var activity = Bot.Activities.PersonalMessage(TeamsUser.Create("Ana"), "a:" + new string('x', 5000), "help");

        using var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Bot.Connector.Requests);
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413()
    {
        var huge = new string('x', 300 * 1024);
        using var response = await Bot.PostRawAsync($"{{\"type\":\"message\",\"text\":\"{huge}\"}}", token: null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task UnknownActivityType_Is200_AndNothingIsSent()
    {
        var activity = Bot.Activities.PersonalMessage(TeamsUser.Create("Ana"), "a:unknown-type", "help");
        activity.Type = "someFutureType";

        using var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Bot.Connector.Activities);
    }

    [Fact]
    public async Task UnknownInvoke_Is501()
    {
        var activity = Bot.Activities.PersonalMessage(TeamsUser.Create("Ana"), "a:invoke", string.Empty);
        activity.Type = ActivityTypes.Invoke;
        activity.Name = "composeExtension/query";

        using var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task SameActivityTwice_IsHandledOnce()
    {
        var activity = Bot.Activities.PersonalMessage(TeamsUser.Create("Ana", "fr-BE"), "a:dup", "aide");

        using var first = await Bot.PostAsync(activity);
        using var second = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(Bot.Connector.Activities);
    }

    [Fact]
    public async Task Health_And_Readiness_Answer()
    {
        using var health = await Bot.Client.GetAsync("/healthz");
        using var ready = await Bot.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Uninstall_MarksTheConversationInactive()
    {
        var user = TeamsUser.Create("Ana");
        await Bot.PersonalChat(user).InstallAsync();
        var chat = Bot.Connector.Activities.Single().ConversationId;

        using var response = await Bot.PostAsync(Bot.Activities.PersonalInstallationUpdate(user, chat, "remove"));

        var stored = await Bot.Services.GetRequiredService<IConversationStore>().FindAsync(Bot.Activities.TenantId, chat, CancellationToken.None);
        Assert.False(stored!.Active);
        Assert.Equal("uninstalled", stored.InactiveReason);
    }
}
