using System.Net;
using System.Text.Json;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Delivery;

/// <summary>GET /ops/deliveries[/{runId}]: absent without Ops:ApiKey, 401 without the right X-Ops-Key, counts with it.</summary>
public sealed class DeliveryEndpointTests
{
    private const string Key = "ops-key-for-tests-0123456789";

    [Fact]
    public async Task Get_WithoutAConfiguredKey_Answers404EvenWithAHeader()
    {
        await using var host = await BotHost.StartAsync();

        using var response = await SendAsync(host, "/ops/deliveries", Key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ops-key-for-tests-012345678")]
    public async Task Get_WithoutTheRightKey_Answers401(string? presented)
    {
        await using var host = await StartWithKeyAsync();

        using var response = await SendAsync(host, "/ops/deliveries", presented);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_ARun_ShowsItsCountsAndReasons()
    {
        await using var host = await StartWithKeyAsync();
        var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
        var now = DateTimeOffset.UtcNow;
        await ledger.StartRunAsync(new DeliveryRun("nudges/team-1/2026-W48", DeliveryKinds.ChannelNudge, "tenant-1", now, 3), CancellationToken.None);
        await ledger.RecordAsync("nudges/team-1/2026-W48", "19:a", DeliveryOutcome.Sent, now, CancellationToken.None);
        await ledger.RecordAsync("nudges/team-1/2026-W48", "19:b", DeliveryOutcome.Failed(DeliveryReasons.NotInstalled), now, CancellationToken.None);
        await ledger.RecordAsync("nudges/team-1/2026-W48", "19:c", DeliveryOutcome.Skipped(DeliveryReasons.QuietHours), now, CancellationToken.None);

        using var one = await SendAsync(host, "/ops/deliveries/nudges/team-1/2026-W48", Key);
        using var list = await SendAsync(host, "/ops/deliveries?days=1", Key);
        using var missing = await SendAsync(host, "/ops/deliveries/no-such-run", Key);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using var run = JsonDocument.Parse(await one.Content.ReadAsStringAsync());
        Assert.Equal(
            ("nudges/team-1/2026-W48", 3, 1, 1, 1, true),
            (run.RootElement.GetProperty("runId").GetString(), run.RootElement.GetProperty("planned").GetInt32(), run.RootElement.GetProperty("sent").GetInt32(),
                run.RootElement.GetProperty("failed").GetInt32(), run.RootElement.GetProperty("skipped").GetInt32(), run.RootElement.GetProperty("complete").GetBoolean()));
        Assert.Equal(1, run.RootElement.GetProperty("failedByReason").GetProperty(DeliveryReasons.NotInstalled).GetInt32());
        using var runs = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal("nudges/team-1/2026-W48", Assert.Single(runs.RootElement.EnumerateArray()).GetProperty("runId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static Task<BotHost> StartWithKeyAsync() => BotHost.StartAsync(configure: s => s["Ops:ApiKey"] = Key);

    private static async Task<HttpResponseMessage> SendAsync(BotHost host, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Ops-Key", key);
        }

        return await host.Client.SendAsync(request);
    }
}
