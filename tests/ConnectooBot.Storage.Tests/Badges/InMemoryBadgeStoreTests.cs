using ConnectooBot.Storage.InMemory;

namespace ConnectooBot.Storage.Tests.Badges;

public sealed class InMemoryBadgeStoreTests
{
    private readonly InMemoryBadgeStore _store = new();

    [Fact]
    public Task SaveThenFind_ReturnsEverythingSaved() => BadgeStoreContract.SaveThenFind_ReturnsEverythingSaved(_store);

    [Fact]
    public Task Find_UnknownOrMalformedId_ReturnsNull() => BadgeStoreContract.Find_UnknownOrMalformedId_ReturnsNull(_store);

    [Fact]
    public Task Save_TakenIdOrStatusIndex_IsAConflict() => BadgeStoreContract.Save_TakenIdOrStatusIndex_IsAConflict(_store);

    [Fact]
    public Task ConcurrentSaves_ForOneLearnerAndCourse_KeepOneBadge() => BadgeStoreContract.ConcurrentSaves_ForOneLearnerAndCourse_KeepOneBadge(_store, _store);

    [Fact]
    public Task Save_WhileTheLearnerHoldsABadgeForTheCourse_ReturnsItAndStoresNothing() =>
        BadgeStoreContract.Save_WhileTheLearnerHoldsABadgeForTheCourse_ReturnsItAndStoresNothing(_store);

    [Fact]
    public Task Save_AfterTheHeldBadgeIsRevoked_StoresTheNewOne() => BadgeStoreContract.Save_AfterTheHeldBadgeIsRevoked_StoresTheNewOne(_store);

    [Fact]
    public Task FindByLearner_ReturnsOnlyTheirBadges_OldestFirst() => BadgeStoreContract.FindByLearner_ReturnsOnlyTheirBadges_OldestFirst(_store);

    [Fact]
    public Task Revoke_RecordsReasonAndTime_AndListsTheIndex() => BadgeStoreContract.Revoke_RecordsReasonAndTime_AndListsTheIndex(_store);

    [Fact]
    public Task Revoke_Twice_KeepsTheFirst() => BadgeStoreContract.Revoke_Twice_KeepsTheFirst(_store);

    [Fact]
    public Task Revoke_UnknownBadge_ReturnsNull() => BadgeStoreContract.Revoke_UnknownBadge_ReturnsNull(_store);

    [Fact]
    public Task DeleteForLearner_ErasesTheirBadges_AndKeepsTheirIndexesRevoked() =>
        BadgeStoreContract.DeleteForLearner_ErasesTheirBadges_AndKeepsTheirIndexesRevoked(_store);
}
