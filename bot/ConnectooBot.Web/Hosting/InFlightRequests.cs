using System.Diagnostics.Metrics;
using ConnectooBot.Web.Hosting.Telemetry;

namespace ConnectooBot.Web.Hosting;

/// <summary>
/// Counts the requests being served (health probes aside), so a stopping host can wait for them to drain. Also
/// published as the gauge <c>connectoo.requests.in_flight</c>.
/// </summary>
public sealed class InFlightRequests
{
    public const string InFlightName = "connectoo.requests.in_flight";

    private readonly Lock _gate = new();
    private int _count;
    private TaskCompletionSource? _drained;

    public InFlightRequests(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meterFactory.Create(BotMetrics.MeterName)
            .CreateObservableUpDownCounter(InFlightName, () => Count, "{request}", "Requests being served, health probes aside.");
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Enter()
    {
        lock (_gate)
        {
            _count++;
        }
    }

    public void Exit()
    {
        TaskCompletionSource? drained = null;
        lock (_gate)
        {
            _count--;
            if (_count == 0)
            {
                (drained, _drained) = (_drained, null);
            }
        }

        drained?.TrySetResult();
    }

    /// <summary>Completes when no request is in flight (at once if none is), or throws when the token fires first.</summary>
    public Task WaitForDrainAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task.WaitAsync(cancellationToken);
        }
    }
}
