namespace ConnectooBot.Learning.Turns;

/// <summary>
/// "This activity is being (or was) processed by <see cref="Holder"/>": stored once per activity, so that an activity
/// Teams re-delivers to another instance is processed once. While not <see cref="Done"/>, the claim is a lease: after
/// <see cref="LeaseUntil"/> (the holder died mid-turn) another instance may take it over. <see cref="Answer"/> is the
/// opaque answer a repeat of the activity gets (the invoke response, serialized by the host).
/// </summary>
public sealed record ActivityClaim(
    ActivityClaimKey Key,
    string Holder,
    DateTimeOffset TakenAt,
    DateTimeOffset LeaseUntil,
    bool Done = false,
    string? Answer = null)
{
    /// <summary>Still held by a live turn at <paramref name="now"/> (not done and the lease not expired).</summary>
    public bool IsRunningAt(DateTimeOffset now) => !Done && LeaseUntil > now;

    /// <summary>Keeps the turn <paramref name="holder"/> off this activity at <paramref name="now"/>: another turn's claim, done or running.</summary>
    public bool KeepsOff(string holder, DateTimeOffset now) => Holder != holder && (Done || IsRunningAt(now));
}
