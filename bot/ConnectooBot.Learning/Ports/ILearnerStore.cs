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

    /// <summary>
    /// Adds a learner that does not exist yet, its row holding <paramref name="claims"/>. Throws
    /// <see cref="ConcurrencyConflictException"/> if it exists.
    /// </summary>
    Task<string> InsertAsync(Learner learner, RecentClaims claims, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a learner if its stored ETag is still <paramref name="etag"/>, its row then holding
    /// <paramref name="claims"/> (in place of the claims it held); otherwise throws <see cref="ConcurrencyConflictException"/>.
    /// One plain conditional write: the turn's activity claim travels in the learner's own row.
    /// </summary>
    Task<string> ReplaceAsync(Learner learner, string etag, RecentClaims claims, CancellationToken cancellationToken);

    /// <summary><see cref="InsertAsync(Learner, RecentClaims, CancellationToken)"/> with no claim.</summary>
    Task<string> InsertAsync(Learner learner, CancellationToken cancellationToken) => InsertAsync(learner, RecentClaims.None, cancellationToken);

    /// <summary><see cref="ReplaceAsync(Learner, string, RecentClaims, CancellationToken)"/> with no claim: the row's claims are dropped.</summary>
    Task<string> ReplaceAsync(Learner learner, string etag, CancellationToken cancellationToken) => ReplaceAsync(learner, etag, RecentClaims.None, cancellationToken);

    /// <summary>Removes a learner; removing a missing one is not an error.</summary>
    Task DeleteAsync(LearnerKey key, CancellationToken cancellationToken);

    /// <summary>Every learner of a tenant, in pages (reports join this with a team roster instead of one read per member).</summary>
    IAsyncEnumerable<Learner> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every learner of every tenant, in pages (for the reminder scheduler).</summary>
    IAsyncEnumerable<Learner> ListAllAsync(CancellationToken cancellationToken);
}
