using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Storage.Tests.Contracts;

/// <summary>
/// What every <see cref="IActivityClaims"/> must do, alone and taken with a learner's write (one transaction); run
/// against each backend by a subclass. Two instances are two independent clients of the same storage.
/// </summary>
public abstract class ActivityClaimContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<(ILearnerStore Learners, IActivityClaims First, IActivityClaims Second)> CreateAsync();

    private static readonly string Tenant = Guid.NewGuid().ToString();

    private static ActivityClaim Claim(string holder, string? activityId = null, DateTimeOffset? takenAt = null) =>
        new(new ActivityClaimKey(Tenant, "a:" + new string('c', 900), activityId ?? Guid.NewGuid().ToString()), holder, takenAt ?? Now, (takenAt ?? Now).AddSeconds(45));

    private static Learner NewLearner() => new()
    {
        Key = new LearnerKey(Tenant, Guid.NewGuid().ToString()),
        Language = "fr",
        FirstSeen = Now,
        LastActive = Now,
    };

    [Fact]
    public async Task Take_ByTwoInstances_OnlyTheFirstHasIt_TheSecondSeesItRunning()
    {
        var (_, first, second) = await CreateAsync();
        var mine = Claim("one");

        var taken = await first.TakeAsync(mine, Now, CancellationToken.None);
        var again = await second.TakeAsync(mine with { Holder = "two" }, Now.AddSeconds(15), CancellationToken.None);

        Assert.True(taken.Taken);
        Assert.False(again.Taken);
        Assert.Equal("one", again.Claim.Holder);
        Assert.True(again.Claim.IsRunningAt(Now.AddSeconds(15)));
    }

    [Fact]
    public async Task Complete_ThenTake_ReturnsTheStoredAnswer()
    {
        var (_, first, second) = await CreateAsync();
        var mine = Claim("one");
        await first.TakeAsync(mine, Now, CancellationToken.None);
        var answer = "{\"status\":200,\"body\":{\"text\":\"" + new string('x', 40_000) + "\"}}";

        await first.CompleteAsync(mine with { Done = true, Answer = answer }, CancellationToken.None);
        var again = await second.TakeAsync(mine with { Holder = "two" }, Now.AddHours(2), CancellationToken.None);

        Assert.False(again.Taken);
        Assert.True(again.Claim.Done);
        Assert.Equal(answer, again.Claim.Answer);
        Assert.Equal(answer, (await second.FindAsync(mine.Key, CancellationToken.None))!.Answer);
    }

    [Fact]
    public async Task Complete_WithACardInFourLanguages_ReturnsItCharacterForCharacter()
    {
        var (_, first, second) = await CreateAsync();
        var mine = Claim("one");
        await first.TakeAsync(mine, Now, CancellationToken.None);
        var texts = string.Join(",", Enumerable.Range(0, 40).Select(i =>
            $"{{\"type\":\"TextBlock\",\"wrap\":true,\"text\":\"Étape {i} : l’eID à côté de « itsme » — Schritt {i}: Übersicht — stap {i}: één ✓\"}}"));
        var answer = "{\"status\":200,\"body\":{\"statusCode\":200,\"value\":{\"type\":\"AdaptiveCard\",\"body\":[" + texts + "]}}}";

        await first.CompleteAsync(mine with { Done = true, Answer = answer }, CancellationToken.None);

        Assert.Equal(answer, (await second.FindAsync(mine.Key, CancellationToken.None))!.Answer);
    }

    [Fact]
    public async Task Find_ReadsWithoutTaking()
    {
        var (_, first, second) = await CreateAsync();
        var mine = Claim("one");

        Assert.Null(await second.FindAsync(mine.Key, CancellationToken.None));
        await first.TakeAsync(mine, Now, CancellationToken.None);
        var found = await second.FindAsync(mine.Key, CancellationToken.None);

        Assert.Equal("one", found!.Holder);
        Assert.False(found.Done);
        Assert.Equal(mine.LeaseUntil, found.LeaseUntil);
    }

    [Fact]
    public async Task Release_LetsTheRetryTakeIt_ButOnlyByItsHolder()
    {
        var (_, first, second) = await CreateAsync();
        var mine = Claim("one");
        await first.TakeAsync(mine, Now, CancellationToken.None);

        await second.ReleaseAsync(mine.Key, "somebody-else", CancellationToken.None);
        Assert.False((await second.TakeAsync(mine with { Holder = "two" }, Now, CancellationToken.None)).Taken);

        await first.ReleaseAsync(mine.Key, "one", CancellationToken.None);
        Assert.True((await second.TakeAsync(mine with { Holder = "two" }, Now, CancellationToken.None)).Taken);
    }

    [Fact]
    public async Task ExpiredLease_OfADeadHolder_IsTakenOverByOneInstance()
    {
        var (_, first, second) = await CreateAsync();
        var dead = Claim("dead");
        await first.TakeAsync(dead, Now, CancellationToken.None);
        var later = Now.AddMinutes(5);

        var results = await Task.WhenAll(
            first.TakeAsync(dead with { Holder = "one", TakenAt = later, LeaseUntil = later.AddSeconds(45) }, later, CancellationToken.None),
            second.TakeAsync(dead with { Holder = "two", TakenAt = later, LeaseUntil = later.AddSeconds(45) }, later, CancellationToken.None));

        Assert.Single(results, r => r.Taken);
    }

    [Fact]
    public async Task WithLearnerWrite_TheClaimIsKeptInTheLearnersRow_AndReadBackAsWritten()
    {
        var (learners, first, _) = await CreateAsync();
        var learner = NewLearner();
        var claim = Claim("one") with { Key = new ActivityClaimKey(Tenant, "a:conversation", "activity-1"), Done = true, Answer = "{\"status\":200}" };
        await learners.InsertAsync(learner, RecentClaims.None.With(claim), CancellationToken.None);

        var read = (await learners.FindAsync(learner.Key, CancellationToken.None))!;

        Assert.Equal(claim, read.Claims.Find(claim.Key));
        Assert.Null(read.Claims.Find(claim.Key with { ActivityId = "activity-2" }));
        Assert.Null(await first.FindAsync(claim.Key, CancellationToken.None)); // no claim row: the learner's row holds it
    }

    [Fact]
    public async Task WithLearnerWrite_TheRowKeepsTheClaimsItIsGiven_AndOnlyThose()
    {
        var (learners, _, _) = await CreateAsync();
        var learner = NewLearner();
        var one = Claim("one") with { Key = new ActivityClaimKey(Tenant, "a:conversation", "activity-1") };
        var two = Claim("two") with { Key = new ActivityClaimKey(Tenant, "a:conversation", "activity-2"), Done = true, Answer = new string('x', 2000) };
        await learners.InsertAsync(learner, RecentClaims.None.With(one), CancellationToken.None);
        var read = (await learners.FindAsync(learner.Key, CancellationToken.None))!;

        await learners.ReplaceAsync(read.Value with { Language = "nl" }, read.ETag, read.Claims.With(two), CancellationToken.None);
        var both = (await learners.FindAsync(learner.Key, CancellationToken.None))!;
        await learners.ReplaceAsync(both.Value, both.ETag, CancellationToken.None);
        var none = (await learners.FindAsync(learner.Key, CancellationToken.None))!;

        Assert.Equal([two, one], [both.Claims.Find(two.Key)!, both.Claims.Find(one.Key)!]);
        Assert.Equal("nl", both.Value.Language);
        Assert.True(none.Claims.IsEmpty);
    }

    [Fact]
    public async Task WithLearnerWrite_ThatConflicts_WritesNoClaim()
    {
        var (learners, _, _) = await CreateAsync();
        var learner = NewLearner();
        await learners.InsertAsync(learner, CancellationToken.None);
        var stale = (await learners.FindAsync(learner.Key, CancellationToken.None))!;
        await learners.ReplaceAsync(learner with { Language = "de" }, stale.ETag, CancellationToken.None);
        var claim = Claim("one");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => learners.ReplaceAsync(learner with { Language = "en" }, stale.ETag, RecentClaims.None.With(claim), CancellationToken.None));

        var read = (await learners.FindAsync(learner.Key, CancellationToken.None))!;
        Assert.Equal("de", read.Value.Language);
        Assert.Null(read.Claims.Find(claim.Key));
    }

    [Fact]
    public async Task Listings_SkipClaimRows()
    {
        var (learners, first, _) = await CreateAsync();
        var tenant = Guid.NewGuid().ToString();
        var learner = NewLearner() with { Key = new LearnerKey(tenant, Guid.NewGuid().ToString()) };
        await learners.InsertAsync(learner, RecentClaims.None.With(Claim("one") with { Key = new ActivityClaimKey(tenant, "a:c", "1") }), CancellationToken.None);
        await first.TakeAsync(Claim("one") with { Key = new ActivityClaimKey(tenant, "a:c", "2") }, Now, CancellationToken.None);

        var listed = new List<Learner>();
        await foreach (var each in learners.ListAsync(tenant, CancellationToken.None))
        {
            listed.Add(each);
        }

        var all = 0;
        await foreach (var each in learners.ListAllAsync(CancellationToken.None))
        {
            all += each.Key.TenantId == tenant ? 1 : 0;
        }

        Assert.Equal(learner.Key, Assert.Single(listed).Key);
        Assert.Equal(1, all);
    }

    [Fact]
    public async Task Purge_DeletesOnlyClaimsTakenBeforeTheCutoff()
    {
        var (_, first, second) = await CreateAsync();
        var old = Claim("one", takenAt: Now.AddDays(-400));
        var recent = Claim("one", takenAt: Now.AddDays(-399));
        await first.TakeAsync(old, Now.AddDays(-400), CancellationToken.None);
        await first.TakeAsync(recent, Now.AddDays(-399), CancellationToken.None);

        var purged = await first.PurgeAsync(Now.AddDays(-399).AddHours(-1), CancellationToken.None);

        Assert.True(purged >= 1);
        Assert.True((await second.TakeAsync(old with { Holder = "two" }, Now, CancellationToken.None)).Taken);
        Assert.False((await second.TakeAsync(recent with { Holder = "two", LeaseUntil = DateTimeOffset.MaxValue, Done = true }, Now.AddDays(-399), CancellationToken.None)).Taken);
    }

    [Fact]
    public async Task DeleteConversation_RemovesThatConversationsClaimsOnly()
    {
        var (_, first, second) = await CreateAsync();
        var mine = Claim("one") with { Key = new ActivityClaimKey(Tenant, "a:mine", "1"), Done = true, Answer = "{\"score\":\"7/8\"}" };
        var mineToo = Claim("one") with { Key = new ActivityClaimKey(Tenant, "a:mine", "2") };
        var someoneElse = Claim("one") with { Key = new ActivityClaimKey(Tenant, "a:theirs", "1"), Done = true, Answer = "{}" };
        foreach (var claim in new[] { mine, mineToo, someoneElse })
        {
            Assert.True((await first.TakeAsync(claim, Now, CancellationToken.None)).Taken);
        }

        var deleted = await second.DeleteConversationAsync(Tenant, "a:mine", CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Null(await first.FindAsync(mine.Key, CancellationToken.None));
        Assert.Null(await first.FindAsync(mineToo.Key, CancellationToken.None));
        Assert.Equal("{}", (await first.FindAsync(someoneElse.Key, CancellationToken.None))?.Answer);
    }
}
