using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Insights;
using ConnectooBot.Web.Insights;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Web.Tests.Insights;

/// <summary>The rollup in the host: the seeded programme read back through the stores and the connector's rosters.</summary>
public sealed class ProgrammeRollupServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static Task<BotHost> StartAsync(TimeProvider time, bool azurite = false, bool scheduler = false) =>
        BotHost.StartAsync(azurite: azurite, time: time, configure: s => s["Insights:SchedulerEnabled"] = scheduler ? "true" : "false");

    private static async Task<ProgrammeSeed> SeedAsync(BotHost host, int learners = 400)
    {
        var course = host.Services.GetRequiredService<Learning.Catalog.Course>();
        var seed = ProgrammeSeed.Generate(course, Now, learners);
        await seed.WriteAsync(host.Services.GetRequiredService<ILearnerStore>(), host.Services.GetRequiredService<ITeamStore>(), host.Connector);
        return seed;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAll_SavesTheTenantsSnapshot_WithTheSeedsFigures_AndAViewIsOneStorageRead(bool azurite)
    {
        await using var host = await StartAsync(new FakeTimeProvider(Now), azurite);
        var seed = await SeedAsync(host);

        var runs = await host.Services.GetRequiredService<ProgrammeRollupService>().RunAllAsync(CancellationToken.None);

        var run = Assert.Single(runs, r => r.TenantId == seed.TenantId);
        Assert.Equal((seed.Learners.Count, 6, 0), (run.Learners, run.Teams, run.TeamsWithoutRoster));
        if (azurite)
        {
            host.StorageRequests.Reset();
        }

        var snapshot = await host.Services.GetRequiredService<IInsightsStore>().FindAsync(seed.TenantId, CancellationToken.None);
        Assert.NotNull(snapshot);
        Assert.Equal(new ProgrammeTotals(seed.Expected.Learners, seed.Expected.Started, seed.Expected.ActiveLast30Days, seed.Expected.Completed), snapshot.Totals);
        Assert.Equal(Now, snapshot.ComputedAt);
        Assert.Equal(seed.Expected.Modules.Select(m => m.Passed), snapshot.Funnel.Select(f => f.Passed));
        Assert.Equal(seed.Expected.ByTeam.Keys.Order(), snapshot.ByTeam.Select(t => t.Label).Order());
        Assert.All(snapshot.ByTeam, t => Assert.Equal(seed.Expected.ByTeam[t.Label].Withheld ? null : seed.Expected.ByTeam[t.Label].Learners, t.Learners));
        if (azurite)
        {
            Assert.Equal(1, host.StorageRequests.Total);
        }
    }

    [Fact]
    public async Task ARosterThatCannotBeRead_LeavesOnlyThatTeamOut()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Now));
        var seed = await SeedAsync(host);
        var broken = seed.Teams[1].Team;
        host.Connector.FailNext(10, ConnectorFault.Error(403), r => r.Path.Contains(broken.TeamId, StringComparison.Ordinal));

        var run = await host.Services.GetRequiredService<ProgrammeRollupService>().RunAsync(seed.TenantId, CancellationToken.None);

        var snapshot = await host.Services.GetRequiredService<IInsightsStore>().FindAsync(seed.TenantId, CancellationToken.None);
        Assert.Equal((5, 1), (run.Teams, run.TeamsWithoutRoster));
        Assert.Equal(1, snapshot!.TeamsWithoutRoster);
        Assert.DoesNotContain(snapshot.ByTeam, t => t.Label == broken.Name);
        Assert.Equal(5, snapshot.ByTeam.Count);
        Assert.Equal(seed.Expected.Learners, snapshot.Totals.Learners);
    }

    [Fact]
    public async Task TheScheduler_RollsUpOncePerPeriod_AcrossInstancesSharingTheClaims()
    {
        var time = new FakeTimeProvider(Now);
        await using var host = await StartAsync(time);
        await SeedAsync(host, learners: 50);
        var first = host.Services.GetRequiredService<InsightsScheduler>();
        var claims = host.Services.GetRequiredService<IScheduleClaims>();
        var second = new InsightsScheduler(
            claims,
            host.Services.GetRequiredService<ProgrammeRollupService>(),
            host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<InsightsOptions>>(),
            time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<InsightsScheduler>.Instance);

        var a = await first.TickAsync(CancellationToken.None);
        var b = await second.TickAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(15));
        var c = await second.TickAsync(CancellationToken.None);
        var d = await first.TickAsync(CancellationToken.None);

        Assert.NotEmpty(a);
        Assert.Empty(b);
        Assert.NotEmpty(c);
        Assert.Empty(d);
    }

    [Fact]
    public async Task InDevelopment_APostRunsTheRollupNow()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Now));
        var seed = await SeedAsync(host, learners: 50);

        using var response = await host.Client.PostAsync(new Uri($"/dev/insights/rollup?tenant={Uri.EscapeDataString(seed.TenantId)}", UriKind.Relative), null);

        Assert.True(response.IsSuccessStatusCode);
        Assert.StartsWith("50 learners, 6 teams, 0 without roster", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await host.Services.GetRequiredService<IInsightsStore>().FindAsync(seed.TenantId, CancellationToken.None));
    }

    [Fact]
    public async Task TheHostedScheduler_RunsOnePeriodAfterStart_NotAtStart()
    {
        var time = new FakeTimeProvider(Now);
        await using var host = await StartAsync(time, scheduler: true);
        var seed = await SeedAsync(host, learners: 20);
        var store = host.Services.GetRequiredService<IInsightsStore>();
        await Task.Delay(200);
        Assert.Null(await store.FindAsync(seed.TenantId, CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(15));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await store.FindAsync(seed.TenantId, CancellationToken.None) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(20, (await store.FindAsync(seed.TenantId, CancellationToken.None))?.Totals.Learners);
    }

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("2.00:00:00")]
    [InlineData("00:15:00.5")]
    public async Task AnIntervalOutOfRange_StopsTheHostAtStartUp(string interval)
    {
        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var host = await BotHost.StartAsync(configure: s => s["Insights:RollupInterval"] = interval);
        });

        Assert.Contains("Insights:RollupInterval", failure?.ToString() ?? "", StringComparison.Ordinal);
    }
}
