using Azure.Data.Tables;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing.Storage;

namespace ConnectooBot.Storage.Tests.Contracts;

/// <summary>The learner contract against a real Azurite, with two separate service clients racing.</summary>
public sealed class AzuriteLearnerStoreTests : LearnerStoreContract
{
    protected override async Task<(ILearnerStore First, ILearnerStore Second)> CreateStoresAsync()
    {
        var (first, second) = await TwoClientsOfANewTableAsync();
        return (new TableLearnerStore(first), new TableLearnerStore(second));
    }

    /// <summary>A new learners table on Azurite, reached through two separate service clients (two instances).</summary>
    internal static async Task<(TableClient First, TableClient Second)> TwoClientsOfANewTableAsync()
    {
        var azurite = await Azurite.GetAsync();
        var table = "learners" + Azurite.NewTablePrefix();
        var first = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        await first.CreateIfNotExistsAsync();
        return (first, new TableServiceClient(azurite.ConnectionString).GetTableClient(table));
    }
}

/// <summary>
/// The learner contract against Azurite through <see cref="Storage.Caching.CachedLearnerStore"/>: each client with its own
/// memory, as two instances have, so the racing test also drives copies that another client made stale.
/// </summary>
public sealed class CachedAzuriteLearnerStoreTests : LearnerStoreContract
{
    protected override async Task<(ILearnerStore First, ILearnerStore Second)> CreateStoresAsync()
    {
        var (first, second) = await AzuriteLearnerStoreTests.TwoClientsOfANewTableAsync();
        return (new Storage.Caching.CachedLearnerStore(new TableLearnerStore(first), 100, TimeProvider.System),
            new Storage.Caching.CachedLearnerStore(new TableLearnerStore(second), 100, TimeProvider.System));
    }
}

public sealed class AzuriteConversationStoreTests : ConversationStoreContract
{
    protected override async Task<IConversationStore> CreateStoreAsync()
    {
        var azurite = await Azurite.GetAsync();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("conversations" + Azurite.NewTablePrefix());
        await table.CreateIfNotExistsAsync();
        return new TableConversationStore(table);
    }
}

/// <summary>Teams and claims against a real Azurite; the claim race uses one client per racer's table handle.</summary>
public sealed class AzuriteTeamStoreTests : TeamStoreContract
{
    protected override async Task<(ITeamStore Teams, IScheduleClaims Claims)> CreateAsync()
    {
        var azurite = await Azurite.GetAsync();
        var prefix = Azurite.NewTablePrefix();
        var teams = new TableServiceClient(azurite.ConnectionString).GetTableClient("teams" + prefix);
        var claims = new TableServiceClient(azurite.ConnectionString).GetTableClient("claims" + prefix);
        await teams.CreateIfNotExistsAsync();
        await claims.CreateIfNotExistsAsync();
        return (new TableTeamStore(teams), new TableScheduleClaims(claims));
    }
}

/// <summary>Activity claims in the learners table of a real Azurite: two instances are two service clients.</summary>
public sealed class AzuriteActivityClaimTests : ActivityClaimContract
{
    protected override async Task<(ILearnerStore Learners, IActivityClaims First, IActivityClaims Second)> CreateAsync()
    {
        var azurite = await Azurite.GetAsync();
        var table = "learners" + Azurite.NewTablePrefix();
        var first = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        await first.CreateIfNotExistsAsync();
        var second = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        return (new TableLearnerStore(first), new TableActivityClaims(first), new TableActivityClaims(second));
    }
}

/// <summary>The Viva Learning sync state against a real Azurite: two service clients on one table.</summary>
public sealed class AzuriteVivaSyncStoreTests : VivaSyncStoreContract
{
    protected override async Task<(IVivaSyncStore First, IVivaSyncStore Second)> CreateStoresAsync()
    {
        var azurite = await Azurite.GetAsync();
        var table = "viva" + Azurite.NewTablePrefix();
        var first = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        await first.CreateIfNotExistsAsync();
        var second = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        return (new TableVivaSyncStore(first), new TableVivaSyncStore(second));
    }
}

/// <summary>The insights contract against a real Azurite, and what a dashboard view costs there: one request.</summary>
public sealed class AzuriteInsightsStoreTests : InsightsStoreContract
{
    private readonly StorageRequestCounter _counter = new();

    protected override async Task<IInsightsStore> CreateAsync()
    {
        var azurite = await Azurite.GetAsync();
        var options = new TableClientOptions();
        options.AddPolicy(_counter, Azure.Core.HttpPipelinePosition.PerRetry);
        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient("insights" + Azurite.NewTablePrefix());
        await table.CreateIfNotExistsAsync();
        return new TableInsightsStore(table);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6000)]
    public async Task AViewReadsTheSnapshotWithOneRequest_OneRowOrSeveral(int teams)
    {
        var store = await CreateAsync();
        var snapshot = Snapshot(Guid.NewGuid().ToString(), teams);
        await store.SaveAsync(snapshot, CancellationToken.None);
        _counter.Reset();

        var found = await store.FindAsync(snapshot.TenantId, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(1, _counter.Total);
        Assert.Empty(_counter.Rejected());
    }

    [Fact]
    public async Task ASaveIsOneRequest_EvenOverSeveralRows()
    {
        var store = await CreateAsync();
        _counter.Reset();

        await store.SaveAsync(Snapshot(Guid.NewGuid().ToString(), teams: 6000), CancellationToken.None);

        Assert.Equal(1, _counter.Total);
        Assert.Empty(_counter.Rejected());
    }
}
