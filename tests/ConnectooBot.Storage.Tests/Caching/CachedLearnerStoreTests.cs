using Azure.Data.Tables;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Storage.Caching;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Storage.Tests.Caching;

/// <summary>
/// The learner cache on a real Azurite: an instance that last wrote a learner starts its next update from memory (no
/// read), and whatever another instance did meanwhile (a write, a delete) is never lost or undone: the ETag catches it.
/// Two instances are two <see cref="CachedLearnerStore"/>s over one table.
/// </summary>
public sealed class CachedLearnerStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private sealed class Instance(CountingStore counted, CachedLearnerStore cached)
    {
        public CountingStore Storage { get; } = counted;

        public CachedLearnerStore Store { get; } = cached;

        public LearnerUpdater Updater { get; } = new(cached, TimeProvider.System);
    }

    /// <summary>Counts what reaches the table (below the cache).</summary>
    private sealed class CountingStore(ILearnerStore inner) : ILearnerStore
    {
        public int Reads;
        public int Writes;

        public Task<Versioned<Learner>?> FindAsync(LearnerKey key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Reads);
            return inner.FindAsync(key, cancellationToken);
        }

        public Task<string> InsertAsync(Learner learner, RecentClaims claims, CancellationToken cancellationToken) => Count(inner.InsertAsync(learner, claims, cancellationToken));

        public Task<string> ReplaceAsync(Learner learner, string etag, RecentClaims claims, CancellationToken cancellationToken) => Count(inner.ReplaceAsync(learner, etag, claims, cancellationToken));

        public Task DeleteAsync(LearnerKey key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<Learner> ListAsync(string tenantId, CancellationToken cancellationToken) => inner.ListAsync(tenantId, cancellationToken);

        public IAsyncEnumerable<Learner> ListAllAsync(CancellationToken cancellationToken) => inner.ListAllAsync(cancellationToken);

        private Task<string> Count(Task<string> write)
        {
            Interlocked.Increment(ref Writes);
            return write;
        }
    }

    private static async Task<(Instance First, Instance Second)> TwoInstancesAsync(int capacity = 100, TimeProvider? time = null)
    {
        var azurite = await Azurite.GetAsync();
        var table = "learners" + Azurite.NewTablePrefix();
        await new TableServiceClient(azurite.ConnectionString).GetTableClient(table).CreateIfNotExistsAsync();
        Instance Make()
        {
            var counted = new CountingStore(new TableLearnerStore(new TableServiceClient(azurite.ConnectionString).GetTableClient(table)));
            return new Instance(counted, new CachedLearnerStore(counted, capacity, time ?? TimeProvider.System));
        }

        return (Make(), Make());
    }

    private static Learner NewLearner() => new()
    {
        Key = new LearnerKey(Guid.NewGuid().ToString(), Guid.NewGuid().ToString()),
        Language = "nl",
        FirstSeen = Start,
        LastActive = Start,
    };

    private static Func<Learner?, Learner?> AddMinute => current => current! with { LastActive = current.LastActive.AddMinutes(1) };

    [Fact]
    public async Task AnInstanceThatWroteALearner_UpdatesItAgain_WithoutReadingIt()
    {
        var (one, _) = await TwoInstancesAsync();
        var learner = NewLearner();
        await one.Updater.UpdateAsync(learner.Key, _ => learner, CancellationToken.None); // read (none) + insert

        for (var i = 0; i < 10; i++)
        {
            await one.Updater.UpdateAsync(learner.Key, AddMinute, CancellationToken.None);
        }

        Assert.Equal((1, 11), (one.Storage.Reads, one.Storage.Writes));
        var stored = (await one.Store.FindAsync(learner.Key, CancellationToken.None))!;
        Assert.Equal(Start.AddMinutes(10), stored.Value.LastActive);
        Assert.False(stored.FromCache);
    }

    [Fact]
    public async Task AChangeByAnotherInstance_IsNeverLost_TheStaleCopyIsReadAgain()
    {
        var (one, two) = await TwoInstancesAsync();
        var learner = NewLearner();
        await one.Updater.UpdateAsync(learner.Key, _ => learner, CancellationToken.None);

        // The other instance changes the language; the first still holds the learner before that change.
        await two.Updater.UpdateAsync(learner.Key, current => current! with { Language = "fr", LanguageChosen = true }, CancellationToken.None);
        var saved = await one.Updater.UpdateAsync(learner.Key, AddMinute, CancellationToken.None);

        Assert.Equal(("fr", Start.AddMinutes(1)), (saved!.Language, saved.LastActive));
        var stored = (await two.Store.FindAsync(learner.Key, CancellationToken.None))!.Value;
        Assert.Equal(("fr", true, Start.AddMinutes(1)), (stored.Language, stored.LanguageChosen, stored.LastActive));
        Assert.Equal(2, one.Storage.Reads); // the first (none), then again after its write from memory lost
    }

    [Fact]
    public async Task ALearnerDeletedByAnotherInstance_IsNotWrittenBack_FromMemory()
    {
        var (one, two) = await TwoInstancesAsync();
        var learner = NewLearner() with { DisplayName = "An Peeters" };
        await one.Updater.UpdateAsync(learner.Key, _ => learner, CancellationToken.None);

        await two.Store.DeleteAsync(learner.Key, CancellationToken.None); // "delete my data" on the other instance
        var seen = new List<Learner?>();
        await one.Updater.UpdateAsync(learner.Key, current => { seen.Add(current); return current is null ? NewLearner() with { Key = learner.Key } : AddMinute(current); }, CancellationToken.None);

        Assert.Null(seen[^1]); // the change was finally applied to "no learner", not to the copy in memory
        var stored = (await two.Store.FindAsync(learner.Key, CancellationToken.None))!.Value;
        Assert.Null(stored.DisplayName);
        Assert.Equal(Start, stored.LastActive);
    }

    [Fact]
    public async Task NothingToWrite_JudgedOnAStaleCopy_IsJudgedAgainOnTheStoredLearner()
    {
        var (one, two) = await TwoInstancesAsync();
        var learner = NewLearner();
        await one.Updater.UpdateAsync(learner.Key, _ => learner, CancellationToken.None);
        await two.Updater.UpdateAsync(learner.Key, current => current! with { Language = "de" }, CancellationToken.None);

        // A turn that writes nothing, decided on the copy in memory (nl), is decided again on the stored learner (de),
        // and answers from that.
        var judged = new List<string>();
        var result = await one.Updater.UpdateAsync(learner.Key, current => { judged.Add(current!.Language); return current; }, CancellationToken.None);

        Assert.Equal(["nl", "de"], judged);
        Assert.Equal("de", result!.Language);
        Assert.Equal(1, one.Storage.Writes); // only its insert
    }

    [Fact]
    public async Task TwoInstancesTakingTurnsAtRandom_LoseNothing_AndStopServingCopies()
    {
        var (one, two) = await TwoInstancesAsync();
        var learner = NewLearner();
        await one.Updater.UpdateAsync(learner.Key, _ => learner, CancellationToken.None);

        // 200 turns of one learner, alternating between the instances as a load balancer without affinity would.
        for (var i = 0; i < 200; i++)
        {
            await (i % 2 == 0 ? two : one).Updater.UpdateAsync(learner.Key, AddMinute, CancellationToken.None);
        }

        var stored = (await one.Store.FindAsync(learner.Key, CancellationToken.None))!.Value;
        Assert.Equal(Start.AddMinutes(200), stored.LastActive);

        // Every copy served was stale: the gate closed, so most updates read first instead of failing a write first.
        Assert.True(one.Store.StaleShare > LearnerCacheGate.CloseAbove, $"stale share {one.Store.StaleShare:0.00}");
        var failedWrites = one.Storage.Writes + two.Storage.Writes - 201;
        Assert.InRange(failedWrites, 1, 60); // without the gate: one failed write for each of the 200 turns
    }

    [Fact]
    public async Task AnInstanceKeepsAtMostItsCapacity_AndForgetsIdleLearners()
    {
        var time = new FakeTimeProvider(Start);
        var (one, _) = await TwoInstancesAsync(capacity: 3, time);
        var learners = Enumerable.Range(0, 10).Select(_ => NewLearner()).ToList();
        foreach (var learner in learners)
        {
            await one.Updater.UpdateAsync(learner.Key, _ => learner, CancellationToken.None);
        }

        Assert.InRange(one.Store.Count, 1, 3);

        time.Advance(CachedLearnerStore.Idle + TimeSpan.FromSeconds(1));
        var reads = one.Storage.Reads;
        foreach (var learner in learners)
        {
            await one.Updater.UpdateAsync(learner.Key, AddMinute, CancellationToken.None);
        }

        Assert.Equal(reads + 10, one.Storage.Reads); // all forgotten after 10 idle minutes: each read again
    }

    [Fact]
    public async Task AnActivityAnsweredByAnotherInstance_IsRefusedWithItsAnswer_EvenFromAnOlderCopyInMemory()
    {
        var (one, two) = await TwoInstancesAsync();
        var learner = NewLearner();
        await one.Updater.UpdateAsync(learner.Key, _ => learner, CancellationToken.None); // the first instance holds a copy
        await two.Updater.UpdateAsync(learner.Key, AddMinute, CancellationToken.None);
        var activity = new ActivityClaimKey(learner.Key.TenantId, "a:conversation", "click-1");
        var answered = new ActivityClaim(activity, "two", Start, Start.AddSeconds(45), Done: true, Answer: "the card");

        // Teams delivers a click to the second instance, then again to the first, whose copy predates both writes.
        await two.Updater.UpdateAsync(learner.Key, AddMinute, new ClaimRider(activity, "two", () => answered), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ActivityClaimedException>(() =>
            one.Updater.UpdateAsync(learner.Key, AddMinute, new ClaimRider(activity, "one", () => answered with { Holder = "one" }), CancellationToken.None));

        Assert.Equal(answered, refused.Claim);
        var stored = (await two.Store.FindAsync(learner.Key, CancellationToken.None))!;
        Assert.Equal(Start.AddMinutes(2), stored.Value.LastActive); // the click applied once
        Assert.Equal(answered, stored.Claims.Find(activity));
    }
}
