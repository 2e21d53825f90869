using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Learning.Ports;

/// <summary>
/// Claims on inbound activities shared by every instance (conditional inserts), for turns that have no learner row to
/// hold them. A learner's turns keep theirs in the learner's row instead (<see cref="RecentClaims"/>, written by the
/// turn's own write: <see cref="ILearnerStore.ReplaceAsync(Learners.Learner, string, RecentClaims, CancellationToken)"/>).
/// </summary>
public interface IActivityClaims
{
    /// <summary>
    /// Inserts <paramref name="claim"/>; if the activity is already claimed, takes it over only when that claim is not
    /// done and its lease expired before <paramref name="now"/>. Otherwise returns the claim found (not taken).
    /// </summary>
    Task<ActivityClaimResult> TakeAsync(ActivityClaim claim, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The claim of <paramref name="key"/>, if any (a point read).</summary>
    Task<ActivityClaim?> FindAsync(ActivityClaimKey key, CancellationToken cancellationToken);

    /// <summary>Stores the claim as given (done, with its answer) — the turn that holds it finished.</summary>
    Task CompleteAsync(ActivityClaim claim, CancellationToken cancellationToken);

    /// <summary>Removes the claim if <paramref name="holder"/> still holds it (its turn failed: Teams' retry is processed).</summary>
    Task ReleaseAsync(ActivityClaimKey key, string holder, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every claim on the activities of one conversation (a person's data is erased: a claim may hold an answer
    /// that showed their quiz results); returns how many.
    /// </summary>
    Task<int> DeleteConversationAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes claims taken before <paramref name="takenBefore"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset takenBefore, CancellationToken cancellationToken);
}
