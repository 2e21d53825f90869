namespace ConnectooBot.Learning.Scheduling;

/// <summary>What happened when an instance tried to lease an occurrence of scheduled work.</summary>
public abstract record ScheduleLeaseResult
{
    private ScheduleLeaseResult()
    {
    }

    /// <summary>
    /// Leased: nobody had taken it, or the last holder's lease ran out before it was done (<paramref name="TakenOver"/>:
    /// that instance died or failed). Do the work, then complete the lease.
    /// </summary>
    public sealed record Granted(ScheduleLease Lease, bool TakenOver) : ScheduleLeaseResult;

    /// <summary>Another instance holds a live lease until <paramref name="Until"/>: look again after it.</summary>
    public sealed record Busy(string Owner, DateTimeOffset Until) : ScheduleLeaseResult;

    /// <summary>Done by some instance: never again.</summary>
    public sealed record Done : ScheduleLeaseResult;
}
