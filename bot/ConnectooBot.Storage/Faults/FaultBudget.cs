namespace ConnectooBot.Storage.Faults;

/// <summary>How many more times a fault is injected; shared by concurrent calls, each taken once.</summary>
internal sealed class FaultBudget(int count)
{
    private int _left = count;

    public bool TryTake() => Volatile.Read(ref _left) > 0 && Interlocked.Decrement(ref _left) >= 0;
}
