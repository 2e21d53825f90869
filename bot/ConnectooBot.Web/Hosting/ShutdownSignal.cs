namespace ConnectooBot.Web.Hosting;

/// <summary>
/// Fires as soon as the host begins to stop, whichever comes first: <see cref="IHostApplicationLifetime.ApplicationStopping"/>
/// (SIGTERM, <c>StopApplication</c>) or the start of <see cref="GracefulShutdown"/>'s drain (a direct <c>IHost.StopAsync</c>
/// runs the lifecycle "stopping" step before it fires ApplicationStopping).
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stopping;

    public ShutdownSignal(IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
    }

    public CancellationToken Stopping => _stopping.Token;

    public bool IsStopping => _stopping.IsCancellationRequested;

    public void Dispose() => _stopping.Dispose();

    internal void Begin()
    {
        try
        {
            _stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // A host stopped again after it was disposed: it has stopped long ago.
        }
    }
}
