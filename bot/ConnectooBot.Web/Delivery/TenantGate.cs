using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Delivery;

/// <summary>
/// Per-tenant admission for sends: <see cref="DeliveryOptions.RequestsPerSecondPerTenant"/> with at most
/// <see cref="DeliveryOptions.Burst"/> at once, and a tenant-wide pause after a 429 (until its Retry-After). Each tenant
/// has a <see cref="SendSchedule"/> (a token bucket kept as its next free time, GCRA): every caller reserves the next
/// slot, exactly 1/rate after the previous one, and waits for it on the injected <see cref="TimeProvider"/>. Nothing is
/// refilled by ticks, so no fraction of a token is lost at any burst, and a FakeTimeProvider drives the whole gate.
/// A pause moves the schedule past its end and wakes the waiters, which reserve again: after a 429 the sends resume
/// one slot apart, not all at once. A lone 429 pauses the tenant only briefly (<see cref="DeliveryOptions.FirstThrottlePause"/>);
/// 429s that keep coming pause it for their whole Retry-After; the throttled send itself always waits its Retry-After.
/// </summary>
internal sealed class TenantGate : IDisposable
{
    private readonly ConcurrentDictionary<string, SendSchedule> _tenants = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _rate;
    private readonly int _burst;
    private readonly TimeSpan _firstThrottlePause;

    public TenantGate(IOptions<DeliveryOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _rate = options.Value.RequestsPerSecondPerTenant;
        _burst = options.Value.Burst;
        _firstThrottlePause = options.Value.FirstThrottlePause;
    }

    /// <summary>
    /// Waits for the tenant's next slot (and for its pause to end). Returns <see cref="TenantTurn.Defer"/> when the
    /// slot would come only after <paramref name="deadline"/>: the caller gives the message back instead of holding it.
    /// </summary>
    public async Task<TenantTurn> WaitTurnAsync(string tenantId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var schedule = Schedule(tenantId);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = _time.GetUtcNow();
            if (deadline <= now)
            {
                return TenantTurn.Defer(now);
            }

            var slot = schedule.Reserve(now, deadline);
            if (!slot.Reserved)
            {
                return TenantTurn.Defer(slot.At);
            }

            if (slot.At <= now)
            {
                return TenantTurn.Go;
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, slot.Rescheduled);
            try
            {
                await Task.Delay(slot.At - now, _time, wake.Token);
                return TenantTurn.Go;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A 429 paused the tenant while this send waited: its slot is void, reserve one after the pause.
            }
        }
    }

    /// <summary>
    /// Right before a granted send's POST: waits (rarely, and briefly) when storage latency bunched the POSTs so that
    /// the last second already holds rate + burst − 1 of them.
    /// </summary>
    public async Task WaitToPostAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var at = Schedule(tenantId).ReservePost(now);
        if (at > now)
        {
            await Task.Delay(at - now, _time, cancellationToken);
        }
    }

    /// <summary>
    /// Teams answered 429 with <paramref name="retryAfter"/>: pauses the tenant briefly, or for the whole Retry-After
    /// when 429s keep coming (<see cref="SendSchedule.Throttled"/>). Returns the end of the pause.
    /// </summary>
    public DateTimeOffset Throttled(string tenantId, TimeSpan retryAfter) =>
        Schedule(tenantId).Throttled(_time.GetUtcNow(), retryAfter, _firstThrottlePause);

    /// <summary>Holds every send of the tenant until <paramref name="until"/> (a later pause wins over an earlier one).</summary>
    public void Pause(string tenantId, DateTimeOffset until) => Schedule(tenantId).Pause(until);

    public DateTimeOffset? PausedUntil(string tenantId) => _tenants.TryGetValue(tenantId, out var schedule) ? schedule.PausedUntil : null;

    public void Dispose()
    {
        foreach (var schedule in _tenants.Values)
        {
            schedule.Dispose();
        }
    }

    private SendSchedule Schedule(string tenantId) => _tenants.GetOrAdd(tenantId, _ => new SendSchedule(_rate, _burst, _time.GetUtcNow()));
}
