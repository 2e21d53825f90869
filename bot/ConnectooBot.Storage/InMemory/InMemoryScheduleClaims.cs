using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Scheduling;

namespace ConnectooBot.Storage.InMemory;

/// <summary>Claims in memory (one process only). For fast tests and local experiments only. Same rules as the table store.</summary>
public sealed class InMemoryScheduleClaims : IScheduleClaims
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Scope, string Key), Claim> _claims = [];
    private long _versions;

    public Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_claims.TryAdd((scope, key), new Claim(Owner: null, LeaseUntil: null, Done: true, NextVersion())));
        }
    }

    public Task<ScheduleLeaseResult> TryLeaseAsync(string scope, string key, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var takenOver = false;
            if (_claims.TryGetValue((scope, key), out var existing))
            {
                if (existing.Done)
                {
                    return Task.FromResult<ScheduleLeaseResult>(new ScheduleLeaseResult.Done());
                }

                if (existing.LeaseUntil > now)
                {
                    return Task.FromResult<ScheduleLeaseResult>(new ScheduleLeaseResult.Busy(existing.Owner ?? string.Empty, existing.LeaseUntil.Value));
                }

                takenOver = true;
            }

            var lease = new Claim(owner, until, Done: false, NextVersion());
            _claims[(scope, key)] = lease;
            return Task.FromResult<ScheduleLeaseResult>(new ScheduleLeaseResult.Granted(new ScheduleLease(scope, key, owner, until, lease.Version), takenOver));
        }
    }

    public Task<bool> CompleteAsync(ScheduleLease lease, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (!_claims.TryGetValue((lease.Scope, lease.Key), out var current) || current.Version != lease.Version)
            {
                return Task.FromResult(false);
            }

            _claims[(lease.Scope, lease.Key)] = current with { Done = true, Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    public Task DeleteScopeAsync(string scope, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var claim in _claims.Keys.Where(k => k.Scope == scope).ToList())
            {
                _claims.Remove(claim);
            }
        }

        return Task.CompletedTask;
    }

    private string NextVersion() => (++_versions).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Claim(string? Owner, DateTimeOffset? LeaseUntil, bool Done, string Version);
}
