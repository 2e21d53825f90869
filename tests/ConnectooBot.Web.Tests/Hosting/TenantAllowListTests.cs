using System.Net;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Hosting;

public sealed class TenantAllowListTests
{
    [Fact]
    public async Task TenantNotOnTheAllowList_Is403_AndNothingIsSent()
    {
        await using var bot = await BotHost.StartAsync(configure: s => s["Bot:Endpoint:AllowedTenants:0"] = "11111111-1111-1111-1111-111111111111");

        using var response = await bot.PostAsync(bot.Activities.PersonalMessage(TeamsUser.Create("Eve"), "a:eve", "help"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task TenantOnTheAllowList_IsServed()
    {
        await using var bot = await BotHost.StartAsync(configure: s => s["Bot:Endpoint:AllowedTenants:0"] = TeamsUser.DefaultTenant);

        using var response = await bot.PostAsync(bot.Activities.PersonalMessage(TeamsUser.Create("Ana"), "a:ana", "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Connector.Activities);
    }
}
