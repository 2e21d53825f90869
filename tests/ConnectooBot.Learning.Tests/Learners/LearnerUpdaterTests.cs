using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Storage.InMemory;

namespace ConnectooBot.Learning.Tests.Learners;

public sealed class LearnerUpdaterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly LearnerKey Key = new("tenant", "user");

    private static Learner New() => new() { Key = Key, Language = "fr", FirstSeen = Now, LastActive = Now };

    /// <summary>A store whose next N replaces fail as if another instance had written first.</summary>
    private sealed class ConflictingStore(int conflicts) : ILearnerStore
    {
        private readonly InMemoryLearnerStore _inner = new();
        private int _conflictsLeft = conflicts;

        public int Reads { get; private set; }

        public int Writes { get; private set; }

        public async Task<Versioned<Learner>?> FindAsync(LearnerKey key, CancellationToken cancellationToken)
        {
            Reads++;
            return await _inner.FindAsync(key, cancellationToken);
        }

        public IAsyncEnumerable<Learner> ListAsync(string tenantId, CancellationToken cancellationToken) => _inner.ListAsync(tenantId, cancellationToken);

        public IAsyncEnumerable<Learner> ListAllAsync(CancellationToken cancellationToken) => _inner.ListAllAsync(cancellationToken);

        public Task<string> InsertAsync(Learner learner, RecentClaims claims, CancellationToken cancellationToken)
        {
            Writes++;
            return _inner.InsertAsync(learner, claims, cancellationToken);
        }

        public async Task<string> ReplaceAsync(Learner learner, string etag, RecentClaims claims, CancellationToken cancellationToken)
        {
            Writes++;
            if (_conflictsLeft-- > 0)
            {
                // The other instance's write: it bumps LastActive by one hour (and keeps the row's claims).
                var current = (await _inner.FindAsync(learner.Key, cancellationToken))!;
                await _inner.ReplaceAsync(current.Value with { LastActive = current.Value.LastActive.AddHours(1) }, current.ETag, current.Claims, cancellationToken);
            }

            return await _inner.ReplaceAsync(learner, etag, claims, cancellationToken);
        }

        public Task DeleteAsync(LearnerKey key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);
    }

    [Fact]
    public async Task Update_NewLearner_Inserts()
    {
        var store = new ConflictingStore(0);

        var saved = await new LearnerUpdater(store, TimeProvider.System).UpdateAsync(Key, current => current ?? New(), CancellationToken.None);

        Assert.Equal("fr", saved!.Language);
        Assert.Equal((1, 1), (store.Reads, store.Writes));
    }

    [Fact]
    public async Task Update_NoChange_DoesNotWrite()
    {
        var store = new ConflictingStore(0);
        var updater = new LearnerUpdater(store, TimeProvider.System);
        await updater.UpdateAsync(Key, _ => New(), CancellationToken.None);

        await updater.UpdateAsync(Key, current => current, CancellationToken.None);

        Assert.Equal((2, 1), (store.Reads, store.Writes));
    }

    [Fact]
    public async Task Update_OnConflict_ReReadsAndReAppliesToTheNewerState()
    {
        var store = new ConflictingStore(2);
        var updater = new LearnerUpdater(store, TimeProvider.System);
        await updater.UpdateAsync(Key, _ => New(), CancellationToken.None);

        var saved = await updater.UpdateAsync(Key, current => current! with { Language = "nl" }, CancellationToken.None);

        Assert.Equal("nl", saved!.Language);
        Assert.Equal(Now.AddHours(2), saved.LastActive); // both of the other instance's writes survived
    }

    [Fact]
    public async Task Update_ConflictingForever_GivesUpAfterMaxAttempts()
    {
        var store = new ConflictingStore(int.MaxValue);
        var updater = new LearnerUpdater(store, TimeProvider.System);
        await updater.UpdateAsync(Key, _ => New(), CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => updater.UpdateAsync(Key, current => current! with { Language = "de" }, CancellationToken.None));
        Assert.Equal(1 + LearnerUpdater.MaxAttempts, store.Writes);
    }

    [Fact]
    public void Backoff_CeilingDoublesPerConflict_UpTo320Ms()
    {
        // 2,000 draws per attempt: each stays under its ceiling, and some land in its upper half (the chance that none
        // does is 2^-2000), so a ceiling that stopped doubling, or never capped, would fail here.
        foreach (var (attempt, ceilingMs) in new[] { (1, 10), (2, 20), (3, 40), (6, 320), (9, 320) })
        {
            var draws = Enumerable.Range(0, 2_000).Select(_ => OptimisticUpdate.Backoff(attempt).TotalMilliseconds).ToList();
            Assert.All(draws, ms => Assert.InRange(ms, 0, ceilingMs));
            Assert.Contains(draws, ms => ms > ceilingMs / 2.0);
        }
    }
}
