using Azure;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Storage.Faults;

/// <summary>The two ways an injected fault ends a storage call: as an outage (503), or never (held until cancelled).</summary>
internal static class InjectedFault
{
    public static RequestFailedException Outage(ILogger logger, string store, string operation)
    {
        Log.FaultInjectedFailure(logger, store, operation);
        return new RequestFailedException(503, $"Injected fault ({StorageFaultOptions.SectionName}): {store} is unavailable.");
    }

    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled (a killed process never gets that far).</summary>
    public static async Task HoldAsync(ILogger logger, string store, string operation, TimeProvider time, CancellationToken cancellationToken)
    {
        Log.FaultInjectedHold(logger, store, operation);
        await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        throw new OperationCanceledException(cancellationToken);
    }
}
