using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Learning.Ports;

/// <summary>Issued badges, their credentials and their revocation status.</summary>
public interface IBadgeStore
{
    /// <summary>
    /// Stores a newly issued badge, once per learner and course: when the learner already holds a valid badge for the
    /// course (issued by this or any other instance, even a moment ago), nothing is stored and that badge is returned.
    /// Returns the badge the learner holds now. Throws <see cref="ConcurrencyConflictException"/> when the badge id or
    /// the status index is already taken (the issuer then picks another index and signs again).
    /// </summary>
    Task<BadgeRecord> SaveAsync(BadgeRecord record, CancellationToken cancellationToken);

    Task<BadgeRecord?> FindAsync(string badgeId, CancellationToken cancellationToken);

    /// <summary>The learner's badges, oldest first.</summary>
    Task<IReadOnlyList<BadgeRecord>> FindByLearnerAsync(LearnerKey learner, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes a badge and returns it; an unknown id returns null. Revoking a revoked badge changes nothing and
    /// returns the first revocation. The learner no longer holds a badge for that course: a new one can be issued.
    /// </summary>
    Task<BadgeRecord?> RevokeAsync(string badgeId, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every revoked position of the revocation list, for the published status list.</summary>
    Task<IReadOnlyList<RevokedStatus>> ListRevokedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Erases the learner's badges (right to erasure) and returns how many there were. Their positions in the
    /// revocation list stay revoked with <see cref="BadgeRevocation.ErasedReason"/>, so copies of the credential
    /// held elsewhere no longer verify; nothing personal is kept.
    /// </summary>
    Task<int> DeleteForLearnerAsync(LearnerKey learner, DateTimeOffset at, CancellationToken cancellationToken);
}
