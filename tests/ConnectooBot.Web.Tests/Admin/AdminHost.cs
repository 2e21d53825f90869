using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectooBot.Web.Tests.Admin;

/// <summary>The real host in Development (dashboard with the development sign-in) over a snapshot store the test fills.</summary>
internal sealed class AdminHost : IAsyncDisposable
{
    private AdminHost(BotHost bot, CountingInsightsStore store)
    {
        Bot = bot;
        Store = store;
    }

    public BotHost Bot { get; }

    public CountingInsightsStore Store { get; }

    public Learning.Catalog.Course Course => Bot.Services.GetRequiredService<Learning.Catalog.Course>();

    public static async Task<AdminHost> StartAsync(bool withSnapshot = true)
    {
        var store = new CountingInsightsStore();
        var bot = await BotHost.StartAsync(services: s =>
        {
            s.RemoveAll<IInsightsStore>();
            s.AddSingleton<IInsightsStore>(store);
        });
        var host = new AdminHost(bot, store);
        if (withSnapshot)
        {
            await store.SaveAsync(SampleInsights.Create(host.Course), CancellationToken.None);
        }

        return host;
    }

    /// <summary>A client with its own cookies that does not follow redirects.</summary>
    public HttpClient Client() => Bot.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the development sign-in, with or without the Connectoo.Admin role.</summary>
    public async Task<HttpClient> SignedInAsync(bool admin, string tenant = SampleInsights.Tenant)
    {
        var client = Client();
        using var response = await client.GetAsync($"/admin/dev-sign-in?as={(admin ? "admin" : "viewer")}&tenant={tenant}&returnUrl=/admin");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
