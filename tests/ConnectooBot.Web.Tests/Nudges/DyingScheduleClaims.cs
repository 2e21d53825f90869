using ConnectooBot.Learning.Ports;
using ConnectooBot.Web.Tests.Delivery;

namespace ConnectooBot.Web.Tests.Nudges;

/// <summary>Schedule claims of an instance that dies right after its first nudge claim is written: the call never returns.</summary>
internal sealed class DyingScheduleClaims(IScheduleClaims inner, PowerCut power) : IScheduleClaims
{
    public async Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        var claimed = await inner.TryClaimAsync(scope, key, at, cancellationToken);
        if (claimed && scope.StartsWith("nudge/", StringComparison.Ordinal))
        {
            power.Trip();
            await power.DeadAsync();
        }

        return claimed;
    }

    public Task DeleteScopeAsync(string scope, CancellationToken cancellationToken) => inner.DeleteScopeAsync(scope, cancellationToken);
}
