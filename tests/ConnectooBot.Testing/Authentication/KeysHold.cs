namespace ConnectooBot.Testing.Authentication;

/// <summary>A hold on the test issuer's JWKS endpoint (<see cref="TestTokenIssuer.HoldKeys"/>): requests wait until it is disposed.</summary>
public sealed class KeysHold(Action detach) : IDisposable
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first request reached the held endpoint.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Releases every held request, and lets later ones through at once.</summary>
    public void Dispose()
    {
        detach();
        _released.TrySetResult();
    }

    internal Task WaitAsync()
    {
        _reached.TrySetResult();
        return _released.Task;
    }
}
