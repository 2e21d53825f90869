using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Viva;

namespace ConnectooBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IVivaSyncStore"/> must do; run against each backend by a subclass (two handles on one store).</summary>
public abstract class VivaSyncStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<(IVivaSyncStore First, IVivaSyncStore Second)> CreateStoresAsync();

    private static LearnerKey NewLearner() => new(Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

    private static VivaActivity Activity(LearnerKey learner, string module, string? graphId = null, VivaTarget? synced = null) => new()
    {
        Learner = learner,
        ModuleId = module,
        ExternalId = VivaRules.ActivityExternalId(learner, module),
        ContentId = "content-" + module,
        GraphId = graphId,
        Synced = synced,
        StartedAt = At,
        ClaimedAt = graphId is null ? At : null,
    };

    [Fact]
    public async Task Activity_InsertThenReplace_RoundTripsEveryField()
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner();
        var claimed = Activity(learner, "m1-eid");
        var etag = await store.InsertActivityAsync(claimed, CancellationToken.None);

        var created = claimed with { GraphId = "g:1", ClaimedAt = null, Synced = new VivaTarget(VivaStatus.Completed, 100, At.AddHours(2)) };
        await store.ReplaceActivityAsync(created, etag, CancellationToken.None);

        var rows = await store.ListActivitiesAsync(learner, CancellationToken.None);
        Assert.Equal(created, Assert.Single(rows).Value);
    }

    [Fact]
    public async Task Activity_InsertedTwice_SecondConflicts()
    {
        var (first, second) = await CreateStoresAsync();
        var learner = NewLearner();
        await first.InsertActivityAsync(Activity(learner, "m1-eid"), CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.InsertActivityAsync(Activity(learner, "m1-eid"), CancellationToken.None));
    }

    [Fact]
    public async Task Activity_ReplacedWithAStaleVersion_Conflicts()
    {
        var (first, second) = await CreateStoresAsync();
        var learner = NewLearner();
        var etag = await first.InsertActivityAsync(Activity(learner, "m1-eid"), CancellationToken.None);
        await first.ReplaceActivityAsync(Activity(learner, "m1-eid", "g:1"), etag, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.ReplaceActivityAsync(Activity(learner, "m1-eid", "g:2"), etag, CancellationToken.None));
        Assert.Equal("g:1", Assert.Single(await second.ListActivitiesAsync(learner, CancellationToken.None)).Value.GraphId);
    }

    [Fact]
    public async Task ListActivities_ReturnsOnlyThatLearnersRows_InModuleOrder()
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner();
        var other = NewLearner();
        await store.InsertActivityAsync(Activity(learner, "m2-itsme"), CancellationToken.None);
        await store.InsertActivityAsync(Activity(learner, "m1-eid"), CancellationToken.None);
        await store.InsertActivityAsync(Activity(other, "m1-eid"), CancellationToken.None);

        var rows = await store.ListActivitiesAsync(learner, CancellationToken.None);

        Assert.Equal(["m1-eid", "m2-itsme"], rows.Select(r => r.Value.ModuleId));
    }

    [Fact]
    public async Task DeleteLearner_RemovesTheirRowsAndTheirPendingErasure_NotOthers()
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner();
        var other = NewLearner();
        await store.InsertActivityAsync(Activity(learner, "m1-eid"), CancellationToken.None);
        await store.InsertActivityAsync(Activity(other, "m1-eid"), CancellationToken.None);
        await store.AddPendingErasureAsync(learner, At, CancellationToken.None);
        await store.AddPendingErasureAsync(other, At, CancellationToken.None);

        await store.DeleteLearnerAsync(learner, CancellationToken.None);
        await store.DeleteLearnerAsync(NewLearner(), CancellationToken.None); // nothing to delete: no error

        Assert.Empty(await store.ListActivitiesAsync(learner, CancellationToken.None));
        Assert.Single(await store.ListActivitiesAsync(other, CancellationToken.None));
        var pending = await ToListAsync(store.ListPendingErasuresAsync(CancellationToken.None));
        Assert.DoesNotContain(learner, pending);
        Assert.Contains(other, pending);
    }

    [Fact]
    public async Task PendingErasure_AddedTwice_IsListedOnce()
    {
        var (first, second) = await CreateStoresAsync();
        var learner = NewLearner();

        await first.AddPendingErasureAsync(learner, At, CancellationToken.None);
        await second.AddPendingErasureAsync(learner, At.AddMinutes(5), CancellationToken.None);

        Assert.Single(await ToListAsync(first.ListPendingErasuresAsync(CancellationToken.None)), l => l == learner);
    }

    [Fact]
    public async Task Content_SavedTwice_KeepsOneRowWithTheLastId()
    {
        var (store, _) = await CreateStoresAsync();
        var module = "m" + Guid.NewGuid().ToString("N");

        await store.SaveContentAsync(new VivaContent(module, "fr", VivaRules.ContentExternalId(module, "fr"), "c:1"), CancellationToken.None);
        await store.SaveContentAsync(new VivaContent(module, "fr", VivaRules.ContentExternalId(module, "fr"), "c:2"), CancellationToken.None);
        await store.SaveContentAsync(new VivaContent(module, "nl", VivaRules.ContentExternalId(module, "nl"), "c:3"), CancellationToken.None);

        var mine = (await store.ListContentsAsync(CancellationToken.None)).Where(c => c.ModuleId == module).ToList();
        Assert.Equal([("fr", "c:2"), ("nl", "c:3")], mine.Select(c => (c.Language, c.GraphId)));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
