using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

/// <summary>The innermost middleware: holds every turn until the test opens the gate (a slow turn, without a clock).</summary>
internal sealed class GatedTurnMiddleware : ITurnMiddleware
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a turn is held at the gate.</summary>
    public Task Entered => _entered.Task;

    public void Open() => _open.TrySetResult();

    public async Task OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        _entered.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken);
        await next(cancellationToken);
    }
}
