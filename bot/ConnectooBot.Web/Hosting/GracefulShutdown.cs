namespace ConnectooBot.Web.Hosting;

/// <summary>
/// When the host starts stopping (its lifecycle "stopping" step, before the server and the background services stop),
/// turns readiness unhealthy (<see cref="ShutdownSignal"/>) and waits for the requests in flight, turns among them, to
/// finish, within <see cref="HostOptions.ShutdownTimeout"/>. The server keeps answering meanwhile.
/// </summary>
internal sealed class GracefulShutdown(InFlightRequests inFlight, ShutdownSignal shutdown, TimeProvider time, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        shutdown.Begin();
        var pending = inFlight.Count;
        if (pending == 0)
        {
            return;
        }

        Log.DrainingRequests(logger, pending);
        var started = time.GetTimestamp();
        try
        {
            await inFlight.WaitForDrainAsync(cancellationToken);
            Log.RequestsDrained(logger, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.DrainTimedOut(logger, inFlight.Count);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
