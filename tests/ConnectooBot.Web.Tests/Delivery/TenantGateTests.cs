using ConnectooBot.Web.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Web.Tests.Delivery;

/// <summary>The per-tenant rate, burst, 429 pause and deadline, all driven by a FakeTimeProvider.</summary>
public sealed class TenantGateTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);

    private static (TenantGate Gate, FakeTimeProvider Time) Create(int rate = 10, int burst = 3)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new DeliveryOptions { RequestsPerSecondPerTenant = rate, Burst = burst });
        return (new TenantGate(options, time), time);
    }

    [Fact]
    public async Task WaitTurn_BeyondTheBurst_WaitsForTheBucketToRefill()
    {
        var (gate, time) = Create(rate: 1, burst: 3);
        using var _ = gate;
        var deadline = time.GetUtcNow().AddMinutes(1);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await gate.WaitTurnAsync("t1", deadline, CancellationToken.None)).Granted);
        }

        var fourth = gate.WaitTurnAsync("t1", deadline, CancellationToken.None);
        await Task.Delay(50);

        Assert.False(fourth.IsCompleted);
    }

    [Fact]
    public async Task WaitTurn_OtherTenants_HaveTheirOwnBucket()
    {
        var (gate, time) = Create(rate: 1, burst: 1);
        using var _ = gate;
        var deadline = time.GetUtcNow().AddMinutes(1);
        await gate.WaitTurnAsync("t1", deadline, CancellationToken.None);

        var other = await gate.WaitTurnAsync("t2", deadline, CancellationToken.None).WaitAsync(Safety);

        Assert.True(other.Granted);
    }

    [Fact]
    public async Task WaitTurn_PausedBeyondTheDeadline_DefersUntilThePauseEnds()
    {
        var (gate, time) = Create();
        using var _ = gate;
        var until = time.GetUtcNow().AddSeconds(30);
        gate.Pause("t1", until);

        var turn = await gate.WaitTurnAsync("t1", time.GetUtcNow().AddSeconds(10), CancellationToken.None);

        Assert.Equal(TenantTurn.Defer(until), turn);
    }

    [Fact]
    public async Task WaitTurn_ShortPause_WaitsItOutThenGrants()
    {
        var (gate, time) = Create();
        using var _ = gate;
        gate.Pause("t1", time.GetUtcNow().AddSeconds(2));

        var turn = gate.WaitTurnAsync("t1", time.GetUtcNow().AddSeconds(10), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(turn.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True((await turn.WaitAsync(Safety)).Granted);
    }

    [Fact]
    public void Pause_AnEarlierPause_DoesNotShortenALaterOne()
    {
        var (gate, time) = Create();
        using var _ = gate;
        var later = time.GetUtcNow().AddSeconds(30);

        gate.Pause("t1", later);
        gate.Pause("t1", time.GetUtcNow().AddSeconds(5));

        Assert.Equal(later, gate.PausedUntil("t1"));
    }

    [Fact]
    public async Task WaitTurn_TokenComesAfterTheDeadline_Defers()
    {
        var (gate, time) = Create(rate: 1, burst: 1);
        using var _ = gate;
        await gate.WaitTurnAsync("t1", time.GetUtcNow().AddMinutes(1), CancellationToken.None);

        var turn = gate.WaitTurnAsync("t1", time.GetUtcNow().AddMilliseconds(500), CancellationToken.None);
        await Task.Delay(50);
        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.False((await turn.WaitAsync(Safety)).Granted);
    }

    [Fact]
    public async Task WaitTurn_At48PerSecondWithBurst1_Grants48PerSecond()
    {
        var (gate, time) = Create(rate: 48, burst: 1);
        using var _ = gate;
        var start = time.GetUtcNow();
        var deadline = start.AddHours(1);
        var grants = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if ((await gate.WaitTurnAsync("t1", deadline, stop.Token)).Granted)
                {
                    grants.Enqueue(time.GetUtcNow());
                }
            }
        })).ToList();

        // Ten seconds of fake time in 5 ms steps, letting the senders run between steps.
        for (var step = 0; step < 2000; step++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(5));
        }

        await Task.Delay(100);
        await stop.CancelAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(senders.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Safety);

        // Seconds 1 to 9 (the first holds the start, the last may be cut short): 48 ± 1 in each.
        var perSecond = Enumerable.Range(1, 8)
            .Select(second => grants.Count(t => t >= start.AddSeconds(second) && t < start.AddSeconds(second + 1)))
            .ToList();
        Assert.All(perSecond, count => Assert.InRange(count, 47, 49));
        Assert.InRange(perSecond.Sum(), (8 * 48) - 1, (8 * 48) + 1);
    }

    [Fact]
    public async Task WaitTurn_SendsWaitingWhenA429Pauses_ResumeOneSlotApartAfterThePause()
    {
        var (gate, time) = Create(rate: 10, burst: 10);
        using var _ = gate;
        var start = time.GetUtcNow();
        var deadline = start.AddMinutes(1);
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await gate.WaitTurnAsync("t1", deadline, CancellationToken.None)).Granted);
        }

        var grants = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var waiters = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            if ((await gate.WaitTurnAsync("t1", deadline, CancellationToken.None)).Granted)
            {
                grants.Enqueue(time.GetUtcNow());
            }
        })).ToList();
        await Task.Delay(50);
        var pauseEnd = start.AddSeconds(1);
        gate.Pause("t1", pauseEnd);
        for (var step = 0; step < 200; step++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        await Task.WhenAll(waiters).WaitAsync(Safety);

        var ordered = grants.Order().ToList();
        Assert.Equal(5, ordered.Count);
        Assert.All(ordered, t => Assert.True(t >= pauseEnd, $"granted at {t:ss.fff}, before the pause ended"));
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(90), "no burst right after a 429"));
    }

    [Fact]
    public async Task WaitToPost_PostsBunchedByStorageLatency_NoSecondHoldsMoreThanRatePlusBurstMinusOne()
    {
        var (gate, time) = Create(rate: 10, burst: 2);
        using var _ = gate;

        var posts = Enumerable.Range(0, 12).Select(_ => gate.WaitToPostAsync("t1", CancellationToken.None)).ToList();

        Assert.Equal(11, posts.Count(p => p.IsCompleted));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(posts[11].IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await posts[11].WaitAsync(Safety);
    }

    [Fact]
    public void Throttled_ALone429_PausesTheTenantBrieflyAndA429AfterThatPauseForTheWholeRetryAfter()
    {
        var (gate, time) = Create(rate: 48, burst: 1); // FirstThrottlePause: 250 ms
        using var _ = gate;
        var start = time.GetUtcNow();
        var retryAfter = TimeSpan.FromSeconds(1);

        Assert.Equal(start.AddMilliseconds(250), gate.Throttled("t1", retryAfter));
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(start.AddMilliseconds(250), gate.Throttled("t1", retryAfter)); // a send already under way: same pause
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(start.AddMilliseconds(1300), gate.Throttled("t1", retryAfter)); // 429s keep coming: the whole Retry-After
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(start.AddMilliseconds(3550), gate.Throttled("t1", retryAfter)); // quiet since: brief again
    }
}
