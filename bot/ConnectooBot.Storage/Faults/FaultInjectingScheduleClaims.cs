using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Scheduling;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Storage.Faults;

/// <summary>
/// Schedule claims with <see cref="StorageFaultOptions.ScheduleLeaseHolds"/> injected: the first N leases granted are
/// written, then the call never returns — the instance stops between taking a claim and doing its work.
/// </summary>
internal sealed class FaultInjectingScheduleClaims(IScheduleClaims inner, StorageFaultOptions options, TimeProvider time, ILogger<FaultInjectingScheduleClaims> logger) : IScheduleClaims
{
    private readonly FaultBudget _holds = new(options.ScheduleLeaseHolds);

    public async Task<ScheduleLeaseResult> TryLeaseAsync(string scope, string key, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var result = await inner.TryLeaseAsync(scope, key, owner, now, until, cancellationToken);
        if (result is ScheduleLeaseResult.Granted && _holds.TryTake())
        {
            await InjectedFault.HoldAsync(logger, "schedule claims", nameof(TryLeaseAsync), time, cancellationToken);
        }

        return result;
    }

    public Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset at, CancellationToken cancellationToken) => inner.TryClaimAsync(scope, key, at, cancellationToken);

    public Task<bool> CompleteAsync(ScheduleLease lease, DateTimeOffset at, CancellationToken cancellationToken) => inner.CompleteAsync(lease, at, cancellationToken);

    public Task DeleteScopeAsync(string scope, CancellationToken cancellationToken) => inner.DeleteScopeAsync(scope, cancellationToken);
}
