using System.Diagnostics;
using System.Net;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Insights;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConnectooBot.Web.Tests.Admin;

/// <summary>
/// What a dashboard view costs with Azurite storage and the snapshot of a 10,000-learner programme: exactly one storage
/// request per view (the snapshot), whatever the number of learners; and the time to render it, printed (median and
/// 90th percentile over <c>CONNECTOO_ADMIN_VIEWS</c> views of each page, 20 by default).
/// </summary>
public sealed class AdminViewCostTests(ITestOutputHelper output)
{
    private const string Tenant = "5eed0010-0000-4000-8000-000000010000";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AView_IsOneStorageRequest_At10000Learners()
    {
        await using var bot = await BotHost.StartAsync(azurite: true);
        var course = bot.Services.GetRequiredService<Learning.Catalog.Course>();
        var seed = ProgrammeSeed.Generate(course, Now, learners: 10_000, tenantId: Tenant);
        // The page reads the snapshot only, so the learners need not be in storage: the rollup runs in memory here.
        await bot.Services.GetRequiredService<IInsightsStore>().SaveAsync(ProgrammeRollup.Compute(course, Tenant, seed.Learners, seed.Rosters, Now), CancellationToken.None);
        using var client = bot.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.GetAsync($"/admin/dev-sign-in?as=admin&tenant={Tenant}")).Dispose();
        var views = int.TryParse(Environment.GetEnvironmentVariable("CONNECTOO_ADMIN_VIEWS"), out var n) ? n : 20;

        foreach (var path in new[] { "/admin?lang=fr", "/admin/items?lang=fr" })
        {
            (await client.GetAsync(path)).Dispose(); // warm-up: first render, first query
            await bot.QuietStorageAsync();
            var times = new List<double>(views);
            for (var i = 0; i < views; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                _ = await response.Content.ReadAsByteArrayAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            var requests = bot.StorageRequests.Total;
            times.Sort();
            output.WriteLine($"{path}: {views} views, {requests} storage requests ({(double)requests / views:0.00} per view), median {times[views / 2]:0.0} ms, p90 {times[(int)Math.Ceiling(0.9 * views) - 1]:0.0} ms (in-process test server, Azurite on loopback)");
            Assert.Equal(views, requests);
        }
    }
}
