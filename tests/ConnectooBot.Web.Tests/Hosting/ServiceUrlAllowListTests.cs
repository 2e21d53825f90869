using System.Net;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Hosting;

/// <summary>A valid token for a serviceUrl outside the connector allow-list: refused before any state, on Azurite.</summary>
public sealed class ServiceUrlAllowListTests() : BotTest(authenticated: true, azurite: true)
{
    [Theory]
    [InlineData("https://evil.example.com/teams/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/emea/")]
    public async Task TokenForAServiceUrlOffTheAllowList_Is403_AndNothingIsStored(string serviceUrl)
    {
        // Before: 200, and the learner and conversation rows were stored with that URL before the send was refused.
        var user = TeamsUser.Create("Redirected");
        var activity = Bot.Activities.PersonalInstall(user, "a:" + Guid.NewGuid().ToString("N"));
        activity.ServiceUrl = serviceUrl;
        await Bot.QuietStorageAsync();

        using var response = await Bot.PostAsync(activity, Bot.Issuer!.CreateToken(serviceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(Bot.StorageRequests.Total == 0, string.Join(", ", Bot.StorageRequests.Snapshot()));
        Assert.Empty(Bot.Connector.Requests);
        Assert.Null(await Bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new(Bot.Activities.TenantId, user.AadObjectId), CancellationToken.None));
        Assert.Null(await Bot.Services.GetRequiredService<IConversationStore>().FindAsync(Bot.Activities.TenantId, activity.Conversation!.Id!, CancellationToken.None));
    }
}
