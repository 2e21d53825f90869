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
        var azurite = await Azurite.GetAsync();
        var table = "learners" + Azurite.NewTablePrefix();
        var first = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        await first.CreateIfNotExistsAsync();
        var second = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        return (new TableLearnerStore(first), new TableLearnerStore(second));
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
