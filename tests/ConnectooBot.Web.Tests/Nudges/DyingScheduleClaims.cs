using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Scheduling;
using ConnectooBot.Web.Tests.Delivery;

namespace ConnectooBot.Web.Tests.Nudges;

/// <summary>Schedule claims of an instance that dies right after its first nudge claim is written: the call never returns.</summary>
internal sealed class DyingScheduleClaims(IScheduleClaims inner, PowerCut power) : IScheduleClaims
{
    public async Task<ScheduleLeaseResult> TryLeaseAsync(string scope, string key, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        var result = await inner.TryLeaseAsync(scope, key, owner, now, until, cancellationToken);
        if (result is ScheduleLeaseResult.Granted && scope.StartsWith("nudge/", StringComparison.Ordinal))
        {
            power.Trip();
            await power.DeadAsync();
        }

        return result;
    }

    public async Task<bool> CompleteAsync(ScheduleLease lease, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.CompleteAsync(lease, at, cancellationToken);
    }

    public async Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.TryClaimAsync(scope, key, at, cancellationToken);
    }

    public Task DeleteScopeAsync(string scope, CancellationToken cancellationToken) => inner.DeleteScopeAsync(scope, cancellationToken);
}
