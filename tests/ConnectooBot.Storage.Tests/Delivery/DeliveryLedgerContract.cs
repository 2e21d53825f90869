using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.Tests.Delivery;

/// <summary>What every <see cref="IDeliveryLedger"/> must do; run against each backend by a subclass.</summary>
public abstract class DeliveryLedgerContract
{
    protected static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Retention = TimeSpan.FromDays(90);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Two ledgers over the same storage (separate clients where the backend has them).</summary>
    protected abstract Task<(IDeliveryLedger First, IDeliveryLedger Second)> CreateAsync();

    private static string NewRun() => "reminders/" + Guid.NewGuid().ToString("N");

    [Theory]
    [InlineData("a:1XyZ-personal")]
    [InlineData("19:abc@thread.tacv2;messageid=1712345600000")]
    [InlineData("odd/id#with?chars\\and ünïcödé")]
    public async Task Claim_Fresh_ThenComplete_RecordsSent(string recipient)
    {
        var (ledger, _) = await CreateAsync();
        var run = NewRun();

        var claim = Assert.IsType<DeliveryClaimResult.Claimed>(await ledger.TryClaimAsync(run, recipient, At, At + Lease, CancellationToken.None)).Claim;
        Assert.True(await ledger.CompleteAsync(claim, DeliveryOutcome.Sent, At.AddSeconds(1), CancellationToken.None));

        var entry = await ledger.FindAsync(run, recipient, CancellationToken.None);
        Assert.Equal(DeliveryStatus.Sent, entry?.Status);
        Assert.Equal(DeliveryOutcome.Sent, entry?.Outcome);
    }

    [Fact]
    public async Task Claim_AfterFinalOutcome_ReturnsAlreadyFinal()
    {
        var (ledger, _) = await CreateAsync();
        var run = NewRun();
        var claim = ((DeliveryClaimResult.Claimed)await ledger.TryClaimAsync(run, "a:1", At, At + Lease, CancellationToken.None)).Claim;
        await ledger.CompleteAsync(claim, DeliveryOutcome.Failed(DeliveryReasons.Blocked), At, CancellationToken.None);

        var again = await ledger.TryClaimAsync(run, "a:1", At.AddHours(1), At.AddHours(1) + Lease, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Failed(DeliveryReasons.Blocked), Assert.IsType<DeliveryClaimResult.AlreadyFinal>(again).Outcome);
    }

    [Fact]
    public async Task Claim_WhileAnotherLeaseIsLive_ReturnsBusyUntilItsEnd()
    {
        var (first, second) = await CreateAsync();
        var run = NewRun();
        await first.TryClaimAsync(run, "a:1", At, At + Lease, CancellationToken.None);

        var other = await second.TryClaimAsync(run, "a:1", At.AddSeconds(5), At.AddSeconds(5) + Lease, CancellationToken.None);

        Assert.Equal(At + Lease, Assert.IsType<DeliveryClaimResult.Busy>(other).LeaseUntil);
    }

    [Fact]
    public async Task Claim_AfterAnExpiredLeaseWithoutOutcome_TakesOverAndTheOldClaimCannotComplete()
    {
        var (first, second) = await CreateAsync();
        var run = NewRun();
        var crashed = ((DeliveryClaimResult.Claimed)await first.TryClaimAsync(run, "a:1", At, At + Lease, CancellationToken.None)).Claim;

        var later = At + Lease + TimeSpan.FromSeconds(1);
        var takeover = Assert.IsType<DeliveryClaimResult.TakenOver>(await second.TryClaimAsync(run, "a:1", later, later + Lease, CancellationToken.None)).Claim;

        Assert.False(await first.CompleteAsync(crashed, DeliveryOutcome.Sent, later, CancellationToken.None));
        Assert.True(await second.CompleteAsync(takeover, DeliveryOutcome.Failed(DeliveryReasons.Interrupted), later, CancellationToken.None));
        Assert.Equal(DeliveryStatus.Failed, (await first.FindAsync(run, "a:1", CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Complete_Sent_AfterATakeoverRecordedInterrupted_CorrectsTheLedgerToSent_ButNoOtherOutcomeDoes()
    {
        var (first, second) = await CreateAsync();
        var run = NewRun();
        var slow = ((DeliveryClaimResult.Claimed)await first.TryClaimAsync(run, "a:1", At, At + Lease, CancellationToken.None)).Claim;
        var slowFailing = ((DeliveryClaimResult.Claimed)await first.TryClaimAsync(run, "a:2", At, At + Lease, CancellationToken.None)).Claim;
        var later = At + Lease + TimeSpan.FromSeconds(1);
        foreach (var recipient in new[] { "a:1", "a:2" })
        {
            var takeover = Assert.IsType<DeliveryClaimResult.TakenOver>(await second.TryClaimAsync(run, recipient, later, later + Lease, CancellationToken.None)).Claim;
            Assert.True(await second.CompleteAsync(takeover, DeliveryOutcome.Failed(DeliveryReasons.Interrupted), later, CancellationToken.None));
        }

        // The slow worker's send did go out: its Sent replaces the guess. A failure it reports changes nothing.
        Assert.True(await first.CompleteAsync(slow, DeliveryOutcome.Sent, later.AddSeconds(1), CancellationToken.None));
        Assert.False(await first.CompleteAsync(slowFailing, DeliveryOutcome.Failed("forbidden"), later.AddSeconds(1), CancellationToken.None));

        Assert.Equal(DeliveryStatus.Sent, (await second.FindAsync(run, "a:1", CancellationToken.None))?.Status);
        var unchanged = await second.FindAsync(run, "a:2", CancellationToken.None);
        Assert.Equal((DeliveryStatus.Failed, DeliveryReasons.Interrupted), (unchanged?.Status, unchanged?.Reason));
    }

    [Fact]
    public async Task ListAndForgetRecipient_SeeAndDeleteTheirRowsInEveryRun_AndNothingElse()
    {
        var (ledger, _) = await CreateAsync();
        var (first, second) = (NewRun(), NewRun());
        foreach (var run in new[] { first, second })
        {
            await ledger.StartRunAsync(new DeliveryRun(run, DeliveryKinds.Reminder, "t", At, 2), CancellationToken.None);
            await ledger.RecordAsync(run, "t/erased", DeliveryOutcome.Sent, At, CancellationToken.None);
            await ledger.RecordAsync(run, "t/other", DeliveryOutcome.Sent, At, CancellationToken.None);
        }

        var theirs = await ledger.ListForRecipientAsync("t/erased", CancellationToken.None);
        Assert.Equal(new[] { first, second }.Order(), theirs.Select(e => e.RunId).Order());
        Assert.All(theirs, e => Assert.Equal((DeliveryStatus.Sent, "t/erased"), (e.Status, e.RecipientKey)));

        Assert.Equal(2, await ledger.ForgetRecipientAsync("t/erased", CancellationToken.None));
        Assert.Empty(await ledger.ListForRecipientAsync("t/erased", CancellationToken.None));

        foreach (var run in new[] { first, second })
        {
            Assert.Null(await ledger.FindAsync(run, "t/erased", CancellationToken.None));
            Assert.NotNull(await ledger.FindAsync(run, "t/other", CancellationToken.None));
            Assert.NotNull(await ledger.GetRunAsync(run, CancellationToken.None));
        }

        Assert.Equal(0, await ledger.ForgetRecipientAsync("t/erased", CancellationToken.None));
    }

    [Fact]
    public async Task Release_ThenClaimAgain_ClaimsForTheRetry()
    {
        var (ledger, _) = await CreateAsync();
        var run = NewRun();
        var claim = ((DeliveryClaimResult.Claimed)await ledger.TryClaimAsync(run, "a:1", At, At + Lease, CancellationToken.None)).Claim;

        Assert.True(await ledger.ReleaseAsync(claim, At.AddSeconds(1), CancellationToken.None));
        Assert.Equal(DeliveryStatus.Pending, (await ledger.FindAsync(run, "a:1", CancellationToken.None))?.Status);

        var retry = await ledger.TryClaimAsync(run, "a:1", At.AddSeconds(2), At.AddSeconds(2) + Lease, CancellationToken.None);
        Assert.IsType<DeliveryClaimResult.Claimed>(retry);
        Assert.False(await ledger.ReleaseAsync(claim, At.AddSeconds(3), CancellationToken.None)); // the old claim is stale
    }

    [Fact]
    public async Task Claim_RacingLedgers_ExactlyOneWins()
    {
        var (first, second) = await CreateAsync();
        var run = NewRun();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? first : second).TryClaimAsync(run, "a:1", At, At + Lease, CancellationToken.None)));

        Assert.Single(results, r => r is DeliveryClaimResult.Claimed);
        Assert.All(results.Where(r => r is not DeliveryClaimResult.Claimed), r => Assert.IsType<DeliveryClaimResult.Busy>(r));
    }

    [Fact]
    public async Task Record_FirstFinalOutcomeWins()
    {
        var (ledger, _) = await CreateAsync();
        var run = NewRun();

        Assert.True(await ledger.RecordAsync(run, "a:1", DeliveryOutcome.Skipped(DeliveryReasons.QuietHours), At, CancellationToken.None));
        Assert.False(await ledger.RecordAsync(run, "a:1", DeliveryOutcome.Sent, At, CancellationToken.None));

        Assert.IsType<DeliveryClaimResult.AlreadyFinal>(await ledger.TryClaimAsync(run, "a:1", At, At + Lease, CancellationToken.None));
        Assert.Equal(DeliveryOutcome.Skipped(DeliveryReasons.QuietHours), (await ledger.FindAsync(run, "a:1", CancellationToken.None))?.Outcome);
    }

    [Fact]
    public async Task GetRun_CountsEachOutcomeAndReason()
    {
        var (ledger, _) = await CreateAsync();
        var run = NewRun();
        await ledger.StartRunAsync(new DeliveryRun(run, DeliveryKinds.Reminder, "tenant-1", At, Planned: 7), CancellationToken.None);
        foreach (var (recipient, outcome) in new[]
        {
            ("a:1", DeliveryOutcome.Sent),
            ("a:2", DeliveryOutcome.Sent),
            ("a:3", DeliveryOutcome.Failed(DeliveryReasons.Blocked)),
            ("a:4", DeliveryOutcome.Failed(DeliveryReasons.Poison)),
            ("a:5", DeliveryOutcome.Skipped(DeliveryReasons.OptedOut)),
        })
        {
            await ledger.RecordAsync(run, recipient, outcome, At, CancellationToken.None);
        }

        await ledger.TryClaimAsync(run, "a:6", At, At + Lease, CancellationToken.None);

        var summary = await ledger.GetRunAsync(run, CancellationToken.None);

        Assert.NotNull(summary);
        Assert.Equal((DeliveryKinds.Reminder, "tenant-1", 7), (summary.Run.Kind, summary.Run.TenantId, summary.Run.Planned));
        Assert.Equal((2, 2, 1, 1, 1), (summary.Sent, summary.Failed, summary.Skipped, summary.InProgress, summary.NotStarted));
        Assert.Equal(new Dictionary<string, int> { [DeliveryReasons.Blocked] = 1, [DeliveryReasons.Poison] = 1 }, summary.FailedByReason);
        Assert.Equal(new Dictionary<string, int> { [DeliveryReasons.OptedOut] = 1 }, summary.SkippedByReason);
        Assert.False(summary.IsComplete);
    }

    [Fact]
    public async Task GetRun_NeverStarted_ReturnsNull()
    {
        var (ledger, _) = await CreateAsync();

        Assert.Null(await ledger.GetRunAsync(NewRun(), CancellationToken.None));
    }

    [Fact]
    public async Task ListRuns_ReturnsRunsSinceNewestFirst()
    {
        var (ledger, _) = await CreateAsync();
        var (old, recent, newest) = (NewRun(), NewRun(), NewRun());
        var start = DateTimeOffset.UtcNow.AddYears(5); // far from other tests' runs in a shared table
        await ledger.StartRunAsync(new DeliveryRun(old, DeliveryKinds.Review, null, start.AddDays(-10), 1), CancellationToken.None);
        await ledger.StartRunAsync(new DeliveryRun(recent, DeliveryKinds.Review, null, start.AddDays(-1), 1), CancellationToken.None);
        await ledger.StartRunAsync(new DeliveryRun(newest, DeliveryKinds.ChannelNudge, null, start, 1), CancellationToken.None);

        var runs = await ledger.ListRunsAsync(start.AddDays(-2), CancellationToken.None);

        Assert.Equal([newest, recent], runs.Select(r => r.Run.RunId));
    }

    [Fact]
    public async Task Purge_DeletesExpiredRunsWithTheirRowsOnly()
    {
        var (ledger, _) = await CreateAsync();
        var (expired, kept) = (NewRun(), NewRun());
        await ledger.StartRunAsync(new DeliveryRun(expired, DeliveryKinds.Reminder, null, At, 2), CancellationToken.None);
        await ledger.StartRunAsync(new DeliveryRun(kept, DeliveryKinds.Reminder, null, At.AddDays(30), 1), CancellationToken.None);
        await ledger.RecordAsync(expired, "a:1", DeliveryOutcome.Sent, At, CancellationToken.None);
        await ledger.RecordAsync(expired, "a:2", DeliveryOutcome.Sent, At, CancellationToken.None);
        await ledger.RecordAsync(kept, "a:1", DeliveryOutcome.Sent, At.AddDays(30), CancellationToken.None);

        var purged = await ledger.PurgeExpiredAsync(At + Retention + TimeSpan.FromDays(1), CancellationToken.None);

        Assert.True(purged >= 1);
        Assert.Null(await ledger.GetRunAsync(expired, CancellationToken.None));
        Assert.Null(await ledger.FindAsync(expired, "a:1", CancellationToken.None));
        Assert.Equal(1, (await ledger.GetRunAsync(kept, CancellationToken.None))?.Sent);
    }
}
