namespace ConnectooBot.Learning.Turns;

/// <summary>
/// The activity claim of the turn that changes a learner, kept in the learner's row (<see cref="RecentClaims"/>) by the
/// same write: <see cref="Learners.LearnerUpdater"/> refuses to go on when the row shows another turn holding the same
/// activity (<see cref="ActivityClaimedException"/>), and asks <see cref="Write"/> just before each write for the claim to
/// store (null: remove the one <see cref="Holder"/> holds, the turn gave it up). <see cref="FreeInStorage"/>, when given, is
/// told when a read from storage (not a copy in memory) showed no other turn holding the activity.
/// </summary>
public sealed record ClaimRider(ActivityClaimKey Key, string Holder, Func<ActivityClaim?> Write, Action? FreeInStorage = null);
