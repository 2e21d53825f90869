using ConnectooBot.Web.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Web.Tests.Delivery;

/// <summary>
/// The per-tenant 429 pause and the deadline, driven by a FakeTimeProvider. The bucket refills on its own monotonic
/// clock: the rate itself is checked in real time against the recording connector (DeliveryPipelineTests).
/// </summary>
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
}
