using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Delivery;

/// <summary>
/// Per-tenant admission for sends: a token bucket per tenant (<see cref="DeliveryOptions.RequestsPerSecondPerTenant"/>,
/// <see cref="DeliveryOptions.Burst"/>) and a tenant-wide pause after a 429 (until its Retry-After), which runs on
/// the injected <see cref="TimeProvider"/>. The buckets are System.Threading.RateLimiting token buckets in manual mode:
/// a timer calls <see cref="ReplenishingRateLimiter.TryReplenish"/> every 20 ms and the bucket adds rate × the time
/// elapsed since its last refill (measured on its own monotonic clock), so a late tick never loses tokens — and
/// the refill itself cannot be driven by a FakeTimeProvider (tests of the rate run in real time).
/// </summary>
internal sealed class TenantGate : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _rate;
    private readonly int _burst;
    private readonly ITimer _timer;

    public TenantGate(IOptions<DeliveryOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _rate = options.Value.RequestsPerSecondPerTenant;
        _burst = options.Value.EffectiveBurst;
        _timer = time.CreateTimer(_ => Replenish(), null, Tick, Tick);
    }

    /// <summary>
    /// Waits for the tenant's next token (and for its pause to end). Returns <see cref="TenantTurn.Defer"/> when the
    /// turn would come only after <paramref name="deadline"/>: the caller gives the message back instead of holding it.
    /// </summary>
    public async Task<TenantTurn> WaitTurnAsync(string tenantId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = _time.GetUtcNow();
            if (PausedUntil(tenantId) is { } until && until > now)
            {
                if (until >= deadline)
                {
                    return TenantTurn.Defer(until);
                }

                await Task.Delay(until - now, _time, cancellationToken);
                continue;
            }

            if (deadline <= now)
            {
                return TenantTurn.Defer(now);
            }

            using var timeout = new CancellationTokenSource(deadline - now, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var lease = await Bucket(tenantId).AcquireAsync(1, linked.Token);
                if (!lease.IsAcquired)
                {
                    return TenantTurn.Defer(now + Tick);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return TenantTurn.Defer(_time.GetUtcNow());
            }

            // A 429 may have paused the tenant while this send waited in line: then wait for the pause, token spent.
            if (PausedUntil(tenantId) is not { } paused || paused <= _time.GetUtcNow())
            {
                return TenantTurn.Go;
            }
        }
    }

    /// <summary>Holds every send of the tenant until <paramref name="until"/> (a later pause wins over an earlier one).</summary>
    public void Pause(string tenantId, DateTimeOffset until) =>
        _pausedUntil.AddOrUpdate(tenantId, until, (_, current) => current > until ? current : until);

    public DateTimeOffset? PausedUntil(string tenantId) => _pausedUntil.TryGetValue(tenantId, out var until) ? until : null;

    /// <summary>Lets every bucket add the tokens earned since its last refill.</summary>
    public void Replenish()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.TryReplenish();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }

    private TokenBucketRateLimiter Bucket(string tenantId) => _buckets.GetOrAdd(tenantId, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = _burst,
        TokensPerPeriod = _rate,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        AutoReplenishment = false,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    }));
}
