using Azure.Data.Tables;
using ConnectooBot.Storage.Tables;

namespace ConnectooBot.Storage.Tests.Badges;

/// <summary>The badge contract against Azure Table storage (Azurite locally); each test gets its own table.</summary>
public sealed class TableBadgeStoreTests : IAsyncLifetime
{
    private readonly TableClient? _table = AzuriteFactAttribute.ConnectionString is { Length: > 0 } connectionString
        ? new TableServiceClient(connectionString).GetTableClient("badgetest" + Guid.NewGuid().ToString("N")[..12])
        : null;

    private TableBadgeStore Store => new(_table!);

    /// <summary>The same table through a client of its own, as another instance would reach it.</summary>
    private TableClient SecondClient() => new TableServiceClient(AzuriteFactAttribute.ConnectionString).GetTableClient(_table!.Name);

    [AzuriteFact]
    public Task SaveThenFind_ReturnsEverythingSaved() => BadgeStoreContract.SaveThenFind_ReturnsEverythingSaved(Store);

    [AzuriteFact]
    public Task Find_UnknownOrMalformedId_ReturnsNull() => BadgeStoreContract.Find_UnknownOrMalformedId_ReturnsNull(Store);

    [AzuriteFact]
    public Task Save_TakenIdOrStatusIndex_IsAConflict() => BadgeStoreContract.Save_TakenIdOrStatusIndex_IsAConflict(Store);

    [AzuriteFact]
    public Task ConcurrentSaves_ForOneLearnerAndCourse_KeepOneBadge() =>
        BadgeStoreContract.ConcurrentSaves_ForOneLearnerAndCourse_KeepOneBadge(Store, new TableBadgeStore(SecondClient()));

    [AzuriteFact]
    public Task Save_WhileTheLearnerHoldsABadgeForTheCourse_ReturnsItAndStoresNothing() =>
        BadgeStoreContract.Save_WhileTheLearnerHoldsABadgeForTheCourse_ReturnsItAndStoresNothing(Store);

    [AzuriteFact]
    public Task Save_AfterTheHeldBadgeIsRevoked_StoresTheNewOne() => BadgeStoreContract.Save_AfterTheHeldBadgeIsRevoked_StoresTheNewOne(Store);

    [AzuriteFact]
    public Task FindByLearner_ReturnsOnlyTheirBadges_OldestFirst() => BadgeStoreContract.FindByLearner_ReturnsOnlyTheirBadges_OldestFirst(Store);

    [AzuriteFact]
    public Task Revoke_RecordsReasonAndTime_AndListsTheIndex() => BadgeStoreContract.Revoke_RecordsReasonAndTime_AndListsTheIndex(Store);

    [AzuriteFact]
    public Task Revoke_Twice_KeepsTheFirst() => BadgeStoreContract.Revoke_Twice_KeepsTheFirst(Store);

    [AzuriteFact]
    public Task Revoke_UnknownBadge_ReturnsNull() => BadgeStoreContract.Revoke_UnknownBadge_ReturnsNull(Store);

    [AzuriteFact]
    public Task DeleteForLearner_ErasesTheirBadges_AndKeepsTheirIndexesRevoked() =>
        BadgeStoreContract.DeleteForLearner_ErasesTheirBadges_AndKeepsTheirIndexesRevoked(Store);

    [AzuriteFact]
    public async Task ConcurrentRevokes_OneWins_TheOtherSeesIt()
    {
        var store = Store;
        var badge = BadgeStoreContract.Badge(BadgeStoreContract.Alice, 77);
        await store.SaveAsync(badge, CancellationToken.None);

        var results = await Task.WhenAll(
            store.RevokeAsync(badge.BadgeId, "One", DateTimeOffset.UnixEpoch, CancellationToken.None),
            new TableBadgeStore(_table!).RevokeAsync(badge.BadgeId, "Two", DateTimeOffset.UnixEpoch, CancellationToken.None));

        Assert.Single(results.Select(r => r!.Revocation!.Reason).Distinct());
        Assert.Single(await store.ListRevokedAsync(CancellationToken.None));
    }

    [AzuriteFact]
    public async Task Rows_KeepLearnerIdsOutOfKeys()
    {
        var badge = BadgeStoreContract.Badge(BadgeStoreContract.Alice, 3);
        await Store.SaveAsync(badge, CancellationToken.None);

        var keys = new List<string>();
        await foreach (var row in _table!.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            keys.Add(row.RowKey);
        }

        Assert.Equal(4, keys.Count); // badge, status, learner index, holder
        Assert.DoesNotContain(keys, k => k.Contains(BadgeStoreContract.Alice.UserId, StringComparison.OrdinalIgnoreCase));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_table is not null)
        {
            await _table.DeleteAsync();
        }
    }
}
