using System.Collections.Concurrent;
using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Protocol.Tests.Hosting;

/// <summary>
/// Two deduplicators (two instances) sharing one claim table: the turn takes the claim before its first side effect
/// (here: <see cref="TurnClaim.EnsureTakenAsync"/>, as the turn's connector does), and what the other instance sees.
/// </summary>
public sealed class SharedActivityClaimTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SharedTable _table;

    public SharedActivityClaimTests() => _table = new SharedTable(_time);

    private ActivityDeduplicator Instance() => new(Options.Create(new BotEndpointOptions()), _time, _table);

    private static Activity Activity(string id) => new() { Id = id, Type = ActivityTypes.Invoke, Conversation = new ConversationAccount { Id = "a:1" } };

    private static Func<Task<InvokeResponse?>> SideEffect(InvokeResponse answer, Action ran) => async () =>
    {
        await TurnClaim.Current!.EnsureTakenAsync(CancellationToken.None);
        ran();
        return answer;
    };

    [Fact]
    public async Task Repeat_OnTheOtherInstance_GetsTheStoredAnswer_WithoutRunning()
    {
        var runs = 0;
        var card = new InvokeResponse(200, new System.Text.Json.Nodes.JsonObject { ["type"] = "card" });

        var first = await Instance().RunOnceAsync(Activity("x"), SideEffect(card, () => runs++));
        var second = await Instance().RunOnceAsync(Activity("x"), SideEffect(new InvokeResponse(500, null), () => runs++));

        Assert.Equal(1, runs);
        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Same(card, second.Response);
    }

    [Fact]
    public async Task Repeat_WhileTheFirstStillRuns_IsAnswered503ForARetry_AndRunsNothing()
    {
        var gate = new TaskCompletionSource();
        var runs = 0;
        var first = Instance().RunOnceAsync(Activity("x"), async () =>
        {
            await TurnClaim.Current!.EnsureTakenAsync(CancellationToken.None);
            runs++;
            await gate.Task;
            return null;
        });

        await Assert.ThrowsAsync<TurnRetryException>(() => Instance().RunOnceAsync(Activity("x"), SideEffect(new InvokeResponse(200, null), () => runs++)));
        gate.SetResult();
        await first;
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task FailedTurn_ReleasesItsClaim_SoTheRetryIsProcessed()
    {
        var runs = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Instance().RunOnceAsync(Activity("x"), async () =>
        {
            await TurnClaim.Current!.EnsureTakenAsync(CancellationToken.None);
            throw new InvalidOperationException("the connector failed");
        }));

        var retry = await Instance().RunOnceAsync(Activity("x"), SideEffect(new InvokeResponse(200, null), () => runs++));

        Assert.Equal(1, runs);
        Assert.False(retry.Duplicate);
    }

    [Fact]
    public async Task ClaimOfADeadInstance_BlocksUntilItsLeaseExpires_ThenTheRedeliveryTakesItOver()
    {
        var dead = Instance();
        var hung = new TaskCompletionSource<InvokeResponse?>();
        _ = dead.RunOnceAsync(Activity("x"), async () =>
        {
            await TurnClaim.Current!.EnsureTakenAsync(CancellationToken.None);
            return await hung.Task; // never finishes: the instance died mid-turn
        });
        var runs = 0;

        await Assert.ThrowsAsync<TurnRetryException>(() => Instance().RunOnceAsync(Activity("x"), SideEffect(new InvokeResponse(200, null), () => runs++)));
        _time.Advance(new BotEndpointOptions().TurnTimeout + ActivityDeduplicator.LeaseMargin + TimeSpan.FromSeconds(1));
        var redelivered = await Instance().RunOnceAsync(Activity("x"), SideEffect(new InvokeResponse(200, null), () => runs++));

        Assert.Equal(1, runs);
        Assert.False(redelivered.Duplicate);
    }

    [Fact]
    public async Task RepeatOfAnInvoke_ThatNowChangesNothing_StillGetsTheStoredAnswer()
    {
        var card = new InvokeResponse(200, new System.Text.Json.Nodes.JsonObject { ["type"] = "card" });
        await Instance().RunOnceAsync(Activity("x"), SideEffect(card, () => { }));

        var repeat = await Instance().RunOnceAsync(Activity("x"), () => Task.FromResult<InvokeResponse?>(new InvokeResponse(200, null))); // "already answered"

        Assert.True(repeat.Duplicate);
        Assert.Same(card, repeat.Response);
    }

    [Fact]
    public async Task TurnWithoutSideEffect_TakesNoClaim()
    {
        await Instance().RunOnceAsync(Activity("x"), () => Task.FromResult<InvokeResponse?>(new InvokeResponse(200, null)));

        Assert.Empty(_table.Rows);
    }

    /// <summary>The claim table both instances share, with the stores' rules (insert; read; takeover after the lease).</summary>
    private sealed class SharedTable(TimeProvider time) : ISharedActivityClaims
    {
        public ConcurrentDictionary<string, (string Holder, DateTimeOffset LeaseUntil, bool Done, InvokeResponse? Answer)> Rows { get; } = new();

        public Task<SharedClaimOutcome> TakeAsync(TurnClaim claim, CancellationToken cancellationToken)
        {
            var key = claim.ConversationId + "\n" + claim.ActivityId;
            var mine = (claim.Holder, claim.LeaseUntil, false, (InvokeResponse?)null);
            if (Rows.TryAdd(key, mine))
            {
                return Task.FromResult(new SharedClaimOutcome(true, false, null));
            }

            var found = Rows[key];
            if (!found.Done && found.LeaseUntil <= time.GetUtcNow() && Rows.TryUpdate(key, mine, found))
            {
                return Task.FromResult(new SharedClaimOutcome(true, false, null));
            }

            return Task.FromResult(new SharedClaimOutcome(false, found.Done, found.Answer));
        }

        public Task<SharedClaimOutcome?> FindAsync(TurnClaim claim, CancellationToken cancellationToken) =>
            Task.FromResult(Rows.TryGetValue(claim.ConversationId + "\n" + claim.ActivityId, out var found) && (found.Done || found.LeaseUntil > time.GetUtcNow())
                ? new SharedClaimOutcome(false, found.Done, found.Answer)
                : null);

        public Task CompleteAsync(TurnClaim claim, InvokeResponse? answer, CancellationToken cancellationToken)
        {
            Rows[claim.ConversationId + "\n" + claim.ActivityId] = (claim.Holder, claim.LeaseUntil, true, answer);
            return Task.CompletedTask;
        }

        public Task ReleaseAsync(TurnClaim claim, CancellationToken cancellationToken)
        {
            var key = claim.ConversationId + "\n" + claim.ActivityId;
            if (Rows.TryGetValue(key, out var found) && found.Holder == claim.Holder)
            {
                Rows.TryRemove(key, out _);
            }

            return Task.CompletedTask;
        }
    }
}
