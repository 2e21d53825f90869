namespace ConnectooBot.Web.Tests.Delivery;

/// <summary>
/// Simulates a process that dies: once <see cref="Trip"/> is called, storage calls that are waiting or start later
/// never complete normally (they wait until <see cref="Kill"/>, then fail), as if the power went off.
/// </summary>
internal sealed class PowerCut
{
    private readonly TaskCompletionSource _tripped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _killed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Tripped => _tripped.Task;

    public bool IsOff => _tripped.Task.IsCompleted;

    public void Trip() => _tripped.TrySetResult();

    /// <summary>Ends every hanging call with an exception (so the host can be disposed quickly).</summary>
    public void Kill() => _killed.TrySetResult();

    public async Task DeadAsync()
    {
        await _killed.Task;
        throw new IOException("The power is off.");
    }

    public Task GuardAsync() => IsOff ? DeadAsync() : Task.CompletedTask;
}
