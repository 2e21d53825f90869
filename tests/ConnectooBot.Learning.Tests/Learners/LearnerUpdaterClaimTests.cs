using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Storage.InMemory;

namespace ConnectooBot.Learning.Tests.Learners;

/// <summary>
/// A turn's activity claim in the learner's row: the update that another turn already answered (or is answering)
/// writes nothing, a dead turn's lease is taken over, and every write keeps the claims of the turns before it.
/// </summary>
public sealed class LearnerUpdaterClaimTests
{
    private static readonly LearnerKey Key = new("tenant", "user");
    private static readonly ActivityClaimKey Activity = new("tenant", "a:conversation", "activity-1");
    // Per test (xUnit makes one instance per test): the leases below are live or expired relative to when it runs.
    private readonly DateTimeOffset _now = TimeProvider.System.GetUtcNow();

    private Learner New() => new() { Key = Key, Language = "fr", FirstSeen = _now, LastActive = _now };

    private static Func<Learner?, Learner?> ChooseDutch => current => current! with { Language = "nl", LanguageChosen = true };

    private ActivityClaim Claim(string holder, bool done = false, string? answer = null, TimeSpan? leaseLeft = null) =>
        new(Activity, holder, _now, _now + (leaseLeft ?? TimeSpan.FromSeconds(45)), done, answer);

    private static ClaimRider Rider(ActivityClaim claim) => new(claim.Key, claim.Holder, () => claim);

    private async Task<(InMemoryLearnerStore Store, LearnerUpdater Updater)> WithLearnerHoldingAsync(ActivityClaim? claim)
    {
        var store = new InMemoryLearnerStore();
        await store.InsertAsync(New(), claim is null ? RecentClaims.None : RecentClaims.None.With(claim), CancellationToken.None);
        return (store, new LearnerUpdater(store, TimeProvider.System));
    }

    [Fact]
    public async Task AnActivityAnotherTurnAnswered_StopsTheUpdate_WithThatAnswer_AndWritesNothing()
    {
        var (store, updater) = await WithLearnerHoldingAsync(Claim("first", done: true, answer: "{\"status\":200,\"body\":1}"));
        var before = (await store.FindAsync(Key, CancellationToken.None))!;

        var refused = await Assert.ThrowsAsync<ActivityClaimedException>(() => updater.UpdateAsync(Key, ChooseDutch, Rider(Claim("second")), CancellationToken.None));

        Assert.Equal(("first", true, "{\"status\":200,\"body\":1}"), (refused.Claim!.Holder, refused.Claim.Done, refused.Claim.Answer));
        Assert.Equal(before.ETag, (await store.FindAsync(Key, CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task AnActivityAnotherTurnIsStillAnswering_StopsTheUpdate()
    {
        var (_, updater) = await WithLearnerHoldingAsync(Claim("first"));

        var refused = await Assert.ThrowsAsync<ActivityClaimedException>(() => updater.UpdateAsync(Key, ChooseDutch, Rider(Claim("second")), CancellationToken.None));

        Assert.False(refused.Claim!.Done);
    }

    [Fact]
    public async Task TheLeaseOfATurnThatDied_IsTakenOverByTheWrite()
    {
        var (store, updater) = await WithLearnerHoldingAsync(Claim("dead", leaseLeft: TimeSpan.FromSeconds(-1)));
        var mine = Claim("second", done: true, answer: "mine");

        var (saved, claimed) = await updater.UpdateAsync(Key, ChooseDutch, Rider(mine), CancellationToken.None);

        Assert.Equal(("nl", mine), (saved!.Language, claimed));
        Assert.Equal(mine, (await store.FindAsync(Key, CancellationToken.None))!.Claims.Find(Activity));
    }

    [Fact]
    public async Task TheTurnsOwnClaim_DoesNotStopIt_AndIsReplacedByWhatItWritesNext()
    {
        var (store, updater) = await WithLearnerHoldingAsync(Claim("mine"));
        var done = Claim("mine", done: true, answer: "card");

        await updater.UpdateAsync(Key, ChooseDutch, Rider(done), CancellationToken.None);

        var stored = (await store.FindAsync(Key, CancellationToken.None))!;
        Assert.Equal(done, stored.Claims.Find(Activity));
        Assert.Single(stored.Claims.Entries);
    }

    [Fact]
    public async Task AWriteWithoutAClaim_KeepsTheClaimsOfEarlierTurns()
    {
        var earlier = Claim("earlier", done: true, answer: "card");
        var (store, updater) = await WithLearnerHoldingAsync(earlier);

        await updater.UpdateAsync(Key, ChooseDutch, CancellationToken.None);

        var stored = (await store.FindAsync(Key, CancellationToken.None))!;
        Assert.Equal(("nl", earlier), (stored.Value.Language, stored.Claims.Find(Activity)));
    }

    [Fact]
    public async Task AClaimAlone_IsWrittenWithTheLearnerUnchanged_AndNotWithoutALearner()
    {
        var (store, updater) = await WithLearnerHoldingAsync(null);
        var before = (await store.FindAsync(Key, CancellationToken.None))!;
        var lease = Claim("mine");

        var written = await updater.WriteClaimAsync(Key, Rider(lease), CancellationToken.None);
        var released = await updater.WriteClaimAsync(Key, new ClaimRider(Activity, "mine", () => null), CancellationToken.None);
        var nobody = await updater.WriteClaimAsync(new LearnerKey("tenant", "nobody"), Rider(lease), CancellationToken.None);

        var after = (await store.FindAsync(Key, CancellationToken.None))!;
        Assert.Equal(lease, written);
        Assert.Null(released);
        Assert.Equal(before.Value, after.Value);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.True(after.Claims.IsEmpty); // taken, then given up
        Assert.Null(nobody);
        Assert.Null(await store.FindAsync(new LearnerKey("tenant", "nobody"), CancellationToken.None));
    }

    [Fact]
    public async Task AClaimSeenOnACopyFromMemory_IsJudgedOnTheStoredRow()
    {
        var running = Claim("first");
        var (store, _) = await WithLearnerHoldingAsync(running);
        var copy = (await store.FindAsync(Key, CancellationToken.None))! with { FromCache = true };
        var stored = (await store.FindAsync(Key, CancellationToken.None))!;
        await store.ReplaceAsync(stored.Value, stored.ETag, stored.Claims.With(running with { Done = true, Answer = "the card" }), CancellationToken.None);
        var updater = new LearnerUpdater(new ServingCopy(store, copy), TimeProvider.System);

        var refused = await Assert.ThrowsAsync<ActivityClaimedException>(() => updater.UpdateAsync(Key, ChooseDutch, Rider(Claim("second")), CancellationToken.None));

        Assert.Equal((true, "the card"), (refused.Claim!.Done, refused.Claim.Answer)); // not "still running" from the copy
    }

    [Fact]
    public async Task TheRiderIsToldOfAStorageReadThatFoundTheActivityFree_NotOfACopyFromMemory()
    {
        var (store, _) = await WithLearnerHoldingAsync(null);
        var copy = (await store.FindAsync(Key, CancellationToken.None))! with { FromCache = true };
        var seen = 0;
        var rider = Rider(Claim("mine")) with { FreeInStorage = () => seen++ };
        static Learner? NoChange(Learner? current) => current;

        // A copy from memory that needs no write is judged again on storage: that read found the activity free.
        await new LearnerUpdater(new ServingCopy(store, copy), TimeProvider.System).UpdateAsync(Key, NoChange, rider, CancellationToken.None);
        Assert.Equal(1, seen);

        // A write from the copy proves it by its ETag, with no storage read: nothing to tell.
        seen = 0;
        var current = (await store.FindAsync(Key, CancellationToken.None))! with { FromCache = true };
        await new LearnerUpdater(new ServingCopy(store, current), TimeProvider.System).UpdateAsync(Key, ChooseDutch, rider, CancellationToken.None);
        Assert.Equal(0, seen);

        // Held by another turn: refused, and not told free.
        var (_, updater) = await WithLearnerHoldingAsync(Claim("first", done: true, answer: "the card"));
        await Assert.ThrowsAsync<ActivityClaimedException>(() => updater.UpdateAsync(Key, NoChange, rider, CancellationToken.None));
        Assert.Equal(0, seen);
    }

    /// <summary>A store whose update reads start from a given copy "from memory", as the learner cache serves one.</summary>
    private sealed class ServingCopy(ILearnerStore inner, Versioned<Learner> copy) : ILearnerStore
    {
        public Task<Versioned<Learner>?> FindForUpdateAsync(LearnerKey key, CancellationToken cancellationToken) => Task.FromResult<Versioned<Learner>?>(copy);

        public Task<Versioned<Learner>?> FindAsync(LearnerKey key, CancellationToken cancellationToken) => inner.FindAsync(key, cancellationToken);

        public Task<string> InsertAsync(Learner learner, RecentClaims claims, CancellationToken cancellationToken) => inner.InsertAsync(learner, claims, cancellationToken);

        public Task<string> ReplaceAsync(Learner learner, string etag, RecentClaims claims, CancellationToken cancellationToken) => inner.ReplaceAsync(learner, etag, claims, cancellationToken);

        public Task DeleteAsync(LearnerKey key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<Learner> ListAsync(string tenantId, CancellationToken cancellationToken) => inner.ListAsync(tenantId, cancellationToken);

        public IAsyncEnumerable<Learner> ListAllAsync(CancellationToken cancellationToken) => inner.ListAllAsync(cancellationToken);
    }
}
