using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.Tests.Badges;

/// <summary>What every <see cref="IBadgeStore"/> promises; run against each adapter by its own test class.</summary>
internal static class BadgeStoreContract
{
    public static readonly LearnerKey Alice = new("tenant-1", "4a3b2c1d-0000-4000-8000-00000000a11c");
    public static readonly LearnerKey Bob = new("tenant-1", "4a3b2c1d-0000-4000-8000-000000000b0b");
    private static readonly DateTimeOffset Issued = new(2026, 3, 12, 9, 30, 15, TimeSpan.Zero);

    public static BadgeRecord Badge(LearnerKey learner, int statusIndex, string? badgeId = null, DateTimeOffset? issuedAt = null, string course = "connectoo") => new()
    {
        Award = new BadgeAward
        {
            BadgeId = badgeId ?? BadgeAward.NewBadgeId(),
            Learner = learner,
            CourseId = course,
            DisplayName = "Zoë D'Haese",
            Language = "nl",
            IssuedAt = issuedAt ?? Issued,
            ModuleScores = [new("digital-divide", 92), new("welcoming", 80), new("safety", 100)],
            ContentVersion = "v-3f2a",
        },
        Credential = "header.payload.signature",
        StatusIndex = statusIndex,
    };

    public static async Task SaveThenFind_ReturnsEverythingSaved(IBadgeStore store)
    {
        var badge = Badge(Alice, 42);

        await store.SaveAsync(badge, CancellationToken.None);
        var found = await store.FindAsync(badge.BadgeId, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(badge.Award with { ModuleScores = [] }, found.Award with { ModuleScores = [] });
        Assert.Equal(badge.Award.ModuleScores, found.Award.ModuleScores);
        Assert.Equal(badge.Credential, found.Credential);
        Assert.Equal(42, found.StatusIndex);
        Assert.Null(found.Revocation);
    }

    public static async Task Find_UnknownOrMalformedId_ReturnsNull(IBadgeStore store)
    {
        Assert.Null(await store.FindAsync(BadgeAward.NewBadgeId(), CancellationToken.None));
        Assert.Null(await store.FindAsync("../not|an/id", CancellationToken.None));
    }

    public static async Task Save_TakenIdOrStatusIndex_IsAConflict(IBadgeStore store)
    {
        var badge = Badge(Alice, 7);
        await store.SaveAsync(badge, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(Badge(Bob, 7), CancellationToken.None));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(Badge(Bob, 8, badge.BadgeId), CancellationToken.None));
        Assert.Empty(await store.FindByLearnerAsync(Bob, CancellationToken.None));
    }

    /// <summary>Two instances issue the learner's badge at the same moment (each with its own id): one badge is kept.</summary>
    public static async Task ConcurrentSaves_ForOneLearnerAndCourse_KeepOneBadge(IBadgeStore first, IBadgeStore second)
    {
        var attempts = Enumerable.Range(0, 8).Select(i => Badge(Alice, 300 + i)).ToList();

        var stored = await Task.WhenAll(attempts.Select((badge, i) => (i % 2 == 0 ? first : second).SaveAsync(badge, CancellationToken.None)));

        var held = Assert.Single(await first.FindByLearnerAsync(Alice, CancellationToken.None));
        Assert.All(stored, s => Assert.Equal(held.BadgeId, s.BadgeId)); // every issuer got the one badge back
        Assert.Contains(held.BadgeId, attempts.Select(a => a.BadgeId));
        Assert.Single(await second.FindByLearnerAsync(Alice, CancellationToken.None));
    }

    public static async Task Save_WhileTheLearnerHoldsABadgeForTheCourse_ReturnsItAndStoresNothing(IBadgeStore store)
    {
        var held = Badge(Alice, 20);
        await store.SaveAsync(held, CancellationToken.None);
        var second = Badge(Alice, 21, issuedAt: Issued.AddDays(1));

        var returned = await store.SaveAsync(second, CancellationToken.None);

        Assert.Equal(held.BadgeId, returned.BadgeId);
        Assert.Equal(held.Credential, returned.Credential);
        Assert.Null(await store.FindAsync(second.BadgeId, CancellationToken.None));
        Assert.Equal([held.BadgeId], (await store.FindByLearnerAsync(Alice, CancellationToken.None)).Select(b => b.BadgeId));
        Assert.Equal(second.BadgeId, (await store.SaveAsync(Badge(Bob, 21, second.BadgeId), CancellationToken.None)).BadgeId); // its index and id stayed free
    }

    public static async Task Save_AfterTheHeldBadgeIsRevoked_StoresTheNewOne(IBadgeStore store)
    {
        var revoked = Badge(Alice, 30);
        await store.SaveAsync(revoked, CancellationToken.None);
        await store.RevokeAsync(revoked.BadgeId, "Awarded by mistake", Issued.AddDays(1), CancellationToken.None);
        var reissued = Badge(Alice, 31, issuedAt: Issued.AddDays(2));

        var returned = await store.SaveAsync(reissued, CancellationToken.None);

        Assert.Equal(reissued.BadgeId, returned.BadgeId);
        Assert.Equal([revoked.BadgeId, reissued.BadgeId], (await store.FindByLearnerAsync(Alice, CancellationToken.None)).Select(b => b.BadgeId));
        Assert.Equal(reissued.BadgeId, (await store.SaveAsync(Badge(Alice, 32), CancellationToken.None)).BadgeId);
    }

    public static async Task FindByLearner_ReturnsOnlyTheirBadges_OldestFirst(IBadgeStore store)
    {
        var later = Badge(Alice, 1, issuedAt: Issued.AddDays(3), course: "connectoo-advanced");
        var earlier = Badge(Alice, 2);
        await store.SaveAsync(later, CancellationToken.None);
        await store.SaveAsync(earlier, CancellationToken.None);
        await store.SaveAsync(Badge(Bob, 3), CancellationToken.None);

        var found = await store.FindByLearnerAsync(Alice, CancellationToken.None);

        Assert.Equal([earlier.BadgeId, later.BadgeId], found.Select(b => b.BadgeId));
    }

    public static async Task Revoke_RecordsReasonAndTime_AndListsTheIndex(IBadgeStore store)
    {
        var badge = Badge(Alice, 99);
        await store.SaveAsync(badge, CancellationToken.None);
        await store.SaveAsync(Badge(Bob, 100), CancellationToken.None);

        var revoked = await store.RevokeAsync(badge.BadgeId, "Awarded by mistake", Issued.AddDays(1), CancellationToken.None);
        var found = await store.FindAsync(badge.BadgeId, CancellationToken.None);
        var list = await store.ListRevokedAsync(CancellationToken.None);

        Assert.Equal(new BadgeRevocation("Awarded by mistake", Issued.AddDays(1)), revoked!.Revocation);
        Assert.Equal(revoked.Revocation, found!.Revocation);
        Assert.Equal([99], list.Select(r => r.StatusIndex));
    }

    public static async Task Revoke_Twice_KeepsTheFirst(IBadgeStore store)
    {
        var badge = Badge(Alice, 5);
        await store.SaveAsync(badge, CancellationToken.None);
        await store.RevokeAsync(badge.BadgeId, "First", Issued.AddDays(1), CancellationToken.None);

        var again = await store.RevokeAsync(badge.BadgeId, "Second", Issued.AddDays(2), CancellationToken.None);

        Assert.Equal("First", again!.Revocation!.Reason);
        Assert.Equal("First", (await store.ListRevokedAsync(CancellationToken.None)).Single().Revocation.Reason);
    }

    public static async Task Revoke_UnknownBadge_ReturnsNull(IBadgeStore store)
    {
        Assert.Null(await store.RevokeAsync(BadgeAward.NewBadgeId(), "Whatever", Issued, CancellationToken.None));
        Assert.Empty(await store.ListRevokedAsync(CancellationToken.None));
    }

    public static async Task DeleteForLearner_ErasesTheirBadges_AndKeepsTheirIndexesRevoked(IBadgeStore store)
    {
        var first = Badge(Alice, 11);
        var second = Badge(Alice, 12, course: "connectoo-advanced");
        var bobs = Badge(Bob, 13);
        foreach (var badge in new[] { first, second, bobs })
        {
            await store.SaveAsync(badge, CancellationToken.None);
        }

        var deleted = await store.DeleteForLearnerAsync(Alice, Issued.AddDays(5), CancellationToken.None);
        var revoked = await store.ListRevokedAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Null(await store.FindAsync(first.BadgeId, CancellationToken.None));
        Assert.Empty(await store.FindByLearnerAsync(Alice, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(bobs.BadgeId, CancellationToken.None));
        Assert.Equal([11, 12], revoked.Select(r => r.StatusIndex));
        Assert.All(revoked, r => Assert.Equal(new BadgeRevocation(BadgeRevocation.ErasedReason, Issued.AddDays(5)), r.Revocation));
        Assert.Equal(0, await store.DeleteForLearnerAsync(Alice, Issued.AddDays(6), CancellationToken.None));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(Badge(new LearnerKey("tenant-1", "carol"), 11), CancellationToken.None)); // the erased index stays taken
        var again = Badge(Alice, 14);
        Assert.Equal(again.BadgeId, (await store.SaveAsync(again, CancellationToken.None)).BadgeId); // nothing of theirs is held any more
    }
}
