using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Learning.Ports;

/// <summary>Learner state with optimistic concurrency: every read returns an ETag that the next write must present.</summary>
public interface ILearnerStore
{
    Task<Versioned<Learner>?> FindAsync(LearnerKey key, CancellationToken cancellationToken);

    /// <summary>
    /// The learner as the first read of an optimistic update (<see cref="Learners.LearnerUpdater"/>): a store may answer
    /// from memory what this process last read or wrote, marked <see cref="Versioned{T}.FromCache"/>, since the write
    /// that follows presents its ETag and fails if another writer came first. Other readers use <see cref="FindAsync"/>.
    /// </summary>
    Task<Versioned<Learner>?> FindForUpdateAsync(LearnerKey key, CancellationToken cancellationToken) => FindAsync(key, cancellationToken);

    /// <summary>Adds a learner that does not exist yet. Throws <see cref="ConcurrencyConflictException"/> if it does.</summary>
    Task<string> InsertAsync(Learner learner, CancellationToken cancellationToken);

    /// <summary>Replaces a learner if its stored ETag is still <paramref name="etag"/>; otherwise throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> ReplaceAsync(Learner learner, string etag, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="InsertAsync(Learner, CancellationToken)"/> and the insert of <paramref name="claim"/>, in one transaction
    /// (the claim lives in the learner's partition): both or neither. Throws <see cref="ActivityClaimedException"/> if the
    /// activity is already claimed, <see cref="ConcurrencyConflictException"/> if the learner exists.
    /// </summary>
    Task<string> InsertAsync(Learner learner, ActivityClaim claim, CancellationToken cancellationToken);

    /// <summary><see cref="ReplaceAsync(Learner, string, CancellationToken)"/> and the insert of <paramref name="claim"/>, in one transaction.</summary>
    Task<string> ReplaceAsync(Learner learner, string etag, ActivityClaim claim, CancellationToken cancellationToken);

    /// <summary>Removes a learner; removing a missing one is not an error.</summary>
    Task DeleteAsync(LearnerKey key, CancellationToken cancellationToken);

    /// <summary>Every learner of a tenant, in pages (reports join this with a team roster instead of one read per member).</summary>
    IAsyncEnumerable<Learner> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every learner of every tenant, in pages (for the reminder scheduler).</summary>
    IAsyncEnumerable<Learner> ListAllAsync(CancellationToken cancellationToken);
}
