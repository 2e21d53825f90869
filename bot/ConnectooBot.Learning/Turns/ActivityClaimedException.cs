namespace ConnectooBot.Learning.Turns;

/// <summary>A write that was to take an activity's claim found it already taken: nothing was written.</summary>
public sealed class ActivityClaimedException : Exception
{
    public ActivityClaimedException()
    {
    }

    public ActivityClaimedException(string message)
        : base(message)
    {
    }

    public ActivityClaimedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
