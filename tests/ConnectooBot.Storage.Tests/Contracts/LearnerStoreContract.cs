using System.Collections.Immutable;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="ILearnerStore"/> must do; run against each backend by a subclass.</summary>
public abstract class LearnerStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Two independent clients of the same storage (for concurrency tests).</summary>
    protected abstract Task<(ILearnerStore First, ILearnerStore Second)> CreateStoresAsync();

    protected static Learner NewLearner(string? tenant = null, string? user = null) => new()
    {
        Key = new LearnerKey(tenant ?? Guid.NewGuid().ToString(), user ?? Guid.NewGuid().ToString()),
        Language = "nl",
        FirstSeen = Start,
        LastActive = Start,
        DisplayName = "An Peeters",
    };

    [Fact]
    public async Task Find_Missing_ReturnsNull()
    {
        var (store, _) = await CreateStoresAsync();

        Assert.Null(await store.FindAsync(NewLearner().Key, CancellationToken.None));
    }

    [Fact]
    public async Task Insert_ThenFind_ReturnsTheSameLearnerWithAnETag()
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner();

        await store.InsertAsync(learner, CancellationToken.None);
        var found = await store.FindAsync(learner.Key, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(learner.Key, found.Value.Key);
        Assert.Equal("nl", found.Value.Language);
        Assert.Equal("An Peeters", found.Value.DisplayName);
        Assert.Equal(Start, found.Value.FirstSeen);
        Assert.False(string.IsNullOrEmpty(found.ETag));
    }

    [Fact]
    public async Task Insert_Existing_IsAConflict()
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner();
        await store.InsertAsync(learner, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.InsertAsync(learner, CancellationToken.None));
    }

    [Fact]
    public async Task Replace_WithCurrentETag_SavesAndChangesTheETag()
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner();
        await store.InsertAsync(learner, CancellationToken.None);
        var read = (await store.FindAsync(learner.Key, CancellationToken.None))!;

        await store.ReplaceAsync(learner with { Language = "fr" }, read.ETag, CancellationToken.None);
        var after = (await store.FindAsync(learner.Key, CancellationToken.None))!;

        Assert.Equal("fr", after.Value.Language);
        Assert.NotEqual(read.ETag, after.ETag);
    }

    [Fact]
    public async Task Replace_WithStaleETag_IsAConflictAndKeepsTheNewerValue()
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner();
        await store.InsertAsync(learner, CancellationToken.None);
        var stale = (await store.FindAsync(learner.Key, CancellationToken.None))!;
        await store.ReplaceAsync(learner with { Language = "de" }, stale.ETag, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ReplaceAsync(learner with { Language = "en" }, stale.ETag, CancellationToken.None));
        Assert.Equal("de", (await store.FindAsync(learner.Key, CancellationToken.None))!.Value.Language);
    }

    [Fact]
    public async Task Replace_AfterDelete_IsAConflict()
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner();
        await store.InsertAsync(learner, CancellationToken.None);
        var read = (await store.FindAsync(learner.Key, CancellationToken.None))!;
        await store.DeleteAsync(learner.Key, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ReplaceAsync(learner, read.ETag, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_RemovesTheLearner_AndMissingIsNoError()
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner();
        await store.InsertAsync(learner, CancellationToken.None);

        await store.DeleteAsync(learner.Key, CancellationToken.None);
        await store.DeleteAsync(learner.Key, CancellationToken.None);

        Assert.Null(await store.FindAsync(learner.Key, CancellationToken.None));
    }

    [Theory]
    [InlineData("99999999-0000-0000-0000-000000000001", "29:1AbC/def#ghi?jkl\\mno")]
    [InlineData("tenant with spaces", "ümlaut-ünïcödé-用户")]
    [InlineData("t", "u")]
    public async Task AwkwardKeys_RoundTrip(string tenant, string user)
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner(tenant + Guid.NewGuid().ToString("N")[..4], user);

        await store.InsertAsync(learner, CancellationToken.None);

        Assert.Equal(learner.Key, (await store.FindAsync(learner.Key, CancellationToken.None))!.Value.Key);
    }

    [Fact]
    public async Task LargeProgress_OfTheOlderShape_IsReadCompacted()
    {
        var (store, _) = await CreateStoresAsync();
        var learner = NewLearner() with { Progress = LargeProgress() };

        await store.InsertAsync(learner, CancellationToken.None);
        var found = (await store.FindAsync(learner.Key, CancellationToken.None))!.Value;

        // Every attempt was given; the last is kept in full, the 19 before it are folded (count, best score, per question).
        Assert.Equal(6, found.Progress.Modules.Count);
        Assert.Equal(20, found.Progress.Module("m3").AttemptCount);
        Assert.Equal(learner.Progress.Module("m6").Attempts[19].Answers, found.Progress.Module("m6").Attempts.Single().Answers);
        Assert.Equal(20, found.Progress.Module("m6").Attempts.Single().Number);
        Assert.Equal(0.5m, found.Progress.Module("m6").BestScore);
        Assert.Equal(8, found.Progress.Module("m6").Earlier.Questions.Count);
        Assert.Equal(19, found.Progress.Module("m6").Earlier.Questions["question-with-a-long-id-1"].LastDrawn);
        Assert.Equal(learner.Progress.Current, found.Progress.Current);
    }

    [Fact]
    public async Task ConcurrentUpdates_FromTwoClients_LoseNothing()
    {
        var (first, second) = await CreateStoresAsync();
        var learner = NewLearner();
        await first.InsertAsync(learner, CancellationToken.None);
        var updaters = new[] { new LearnerUpdater(first, TimeProvider.System), new LearnerUpdater(second, TimeProvider.System) };

        // 2 × 25 increments of LastActive by one minute, racing: every one must land.
        await Task.WhenAll(updaters.Select(updater => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await updater.UpdateAsync(learner.Key, current => current! with { LastActive = current.LastActive.AddMinutes(1) }, CancellationToken.None);
            }
        })));

        var final = (await first.FindAsync(learner.Key, CancellationToken.None))!.Value;
        Assert.Equal(Start.AddMinutes(50), final.LastActive);
    }

    private static CourseProgress LargeProgress()
    {
        var progress = CourseProgress.Empty;
        foreach (var module in Enumerable.Range(1, 6).Select(m => $"m{m}"))
        {
            var attempts = Enumerable.Range(1, 20).Select(n => new QuizAttempt
            {
                Number = n,
                QuestionIds = [.. Enumerable.Range(1, 8).Select(q => $"question-with-a-long-id-{q}")],
                Answers = [.. Enumerable.Range(1, 8).Select(q => new Answer($"question-with-a-long-id-{q}", "b", q % 2 == 0, Start.AddMinutes(q)))],
                StartedAt = Start,
                FinishedAt = Start.AddMinutes(10),
                ContentVersion = "abcdef123456",
            }).ToImmutableList();
            progress = progress.With(new ModuleProgress { ModuleId = module, FurthestStep = 4, LessonCompleted = true, Attempts = attempts });
        }

        return progress with { Current = new Position("m2", PositionKind.Quiz, 3) };
    }

    [Fact]
    public async Task List_ReturnsEveryLearnerOfTheTenant_AndNoOther()
    {
        var (store, _) = await CreateStoresAsync();
        var tenant = Guid.NewGuid().ToString();
        var mine = Enumerable.Range(0, 7).Select(_ => NewLearner(tenant)).ToList();
        foreach (var learner in mine)
        {
            await store.InsertAsync(learner, CancellationToken.None);
        }

        await store.InsertAsync(NewLearner(), CancellationToken.None); // another tenant

        var listed = new List<Learner>();
        await foreach (var learner in store.ListAsync(tenant, CancellationToken.None))
        {
            listed.Add(learner);
        }

        Assert.Equal(mine.Select(l => l.Key.UserId).Order().ToList(), listed.Select(l => l.Key.UserId).Order().ToList());
        var everyone = new HashSet<string>();
        await foreach (var learner in store.ListAllAsync(CancellationToken.None))
        {
            everyone.Add(learner.Key.UserId);
        }

        Assert.Superset(mine.Select(l => l.Key.UserId).ToHashSet(), everyone);
        Assert.True(everyone.Count > mine.Count); // the other tenant's learner too
        Assert.All(listed, l => Assert.Equal("An Peeters", l.DisplayName));
    }
}
