using System.Text.Json;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IInsightsStore"/> must do; run against each backend.</summary>
public abstract class InsightsStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<IInsightsStore> CreateAsync();

    /// <summary>A snapshot with every kind of figure, withheld ones included; <paramref name="teams"/> makes it as long as needed.</summary>
    public static ProgrammeInsights Snapshot(string tenantId, int teams = 3, DateTimeOffset? at = null) => new()
    {
        TenantId = tenantId,
        ComputedAt = at ?? Now,
        ContentVersion = "v-42",
        Totals = new ProgrammeTotals(2000, 1822, 996, 115),
        Funnel = [new ModuleFunnelStep("digital-divide", 1, 1822, 1606, 1011, 0.24, 2.28), new ModuleFunnelStep("welcoming", 2, 3, 2, 1, null, null)],
        TimeToComplete = new DurationSummary(115, TimeSpan.FromDays(22.8), TimeSpan.FromDays(32.2)),
        ByLanguage = [new GroupSummary("fr", "fr", false, 1100, 1000, 60, 0.35, [500, 300]), new GroupSummary("de", "de", true, null, null, null, null, null)],
        ByTeam = [.. Enumerable.Range(0, teams).Select(i => new GroupSummary($"key{i:000000}", $"Équipe n° {i} – « guichet » Namur/Liège", i % 7 == 0, i % 7 == 0 ? null : 40 + i, 30, 3, 0.4, [12, 5]))],
        Weekly = [new WeeklyPoint(new DateOnly(2026, 11, 23), 194, 389, 21), new WeeklyPoint(new DateOnly(2026, 11, 30), 51, 228, 4)],
        Items =
        [
            new ItemStatistics("digital-divide", "vulnerable-meaning", "fr", 718, false, 0.989, 0.043, [new ChoiceShare("a", false, 0.01), new ChoiceShare("c", true, 0.99)], 0.5, ItemFlags.TooEasy | ItemFlags.NonDiscriminating),
            new ItemStatistics("digital-divide", "vulnerable-meaning", "de", 0, true, null, null, [new ChoiceShare("a", false, null), new ChoiceShare("c", true, null)], null, ItemFlags.None),
        ],
        TeamsWithoutRoster = 1,
    };

    private static string Json(ProgrammeInsights? insights) => JsonSerializer.Serialize(insights);

    [Fact]
    public async Task Find_BeforeAnySave_IsNull()
    {
        var store = await CreateAsync();

        Assert.Null(await store.FindAsync(Guid.NewGuid().ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task Save_ThenFind_RoundTripsEveryFigure_WithheldOnesIncluded()
    {
        var store = await CreateAsync();
        var snapshot = Snapshot(Guid.NewGuid().ToString());

        await store.SaveAsync(snapshot, CancellationToken.None);

        Assert.Equal(Json(snapshot), Json(await store.FindAsync(snapshot.TenantId, CancellationToken.None)));
    }

    [Fact]
    public async Task Save_Again_ReplacesTheSnapshot_AndTenantsStayApart()
    {
        var store = await CreateAsync();
        var tenant = "tenant with spaces/and:colons";
        var other = Snapshot(Guid.NewGuid().ToString());
        await store.SaveAsync(Snapshot(tenant, teams: 5000), CancellationToken.None);
        await store.SaveAsync(other, CancellationToken.None);

        var later = Snapshot(tenant, teams: 2, at: Now.AddMinutes(15));
        await store.SaveAsync(later, CancellationToken.None);

        Assert.Equal(Json(later), Json(await store.FindAsync(tenant, CancellationToken.None)));
        Assert.Equal(Json(other), Json(await store.FindAsync(other.TenantId, CancellationToken.None)));
    }

    [Fact]
    public async Task ASnapshotLongerThanOneRowHolds_RoundTrips()
    {
        var store = await CreateAsync();
        var snapshot = Snapshot(Guid.NewGuid().ToString(), teams: 6000);
        Assert.True(Json(snapshot).Length > Storage.Tables.TableInsightsStore.CharactersPerRow, "the snapshot must need several rows");

        await store.SaveAsync(snapshot, CancellationToken.None);

        Assert.Equal(Json(snapshot), Json(await store.FindAsync(snapshot.TenantId, CancellationToken.None)));
    }
}
