namespace ConnectooBot.Learning.Turns;

/// <summary>
/// A learner's row shows another turn holding the activity this turn is processing (done, or running with a live
/// lease): nothing was written. <see cref="Claim"/> is that turn's claim, with its stored answer when done.
/// </summary>
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

    public ActivityClaimedException(ActivityClaim claim)
        : base($"The activity {claim?.Key.ActivityId} is already claimed.")
    {
        Claim = claim;
    }

    /// <summary>The claim found (null when only the fact is known).</summary>
    public ActivityClaim? Claim { get; }
}
