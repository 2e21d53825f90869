using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Viva;

namespace ConnectooBot.Learning.Ports;

/// <summary>
/// What the Viva Learning sync remembers: the ids Graph returned for the published contents and for each learner's
/// activities (with optimistic concurrency, so two instances never both create one), and the erasures still owed to
/// Viva Learning when it was unreachable at "delete my data".
/// </summary>
public interface IVivaSyncStore
{
    Task<IReadOnlyList<VivaContent>> ListContentsAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces the content row of (module, language).</summary>
    Task SaveContentAsync(VivaContent content, CancellationToken cancellationToken);

    /// <summary>Every activity row of a learner, with its version.</summary>
    Task<IReadOnlyList<Versioned<VivaActivity>>> ListActivitiesAsync(LearnerKey learner, CancellationToken cancellationToken);

    /// <summary>Adds a row that does not exist yet; throws <see cref="ConcurrencyConflictException"/> if it does.</summary>
    Task<string> InsertActivityAsync(VivaActivity activity, CancellationToken cancellationToken);

    /// <summary>Replaces a row if its version is still <paramref name="etag"/>; otherwise throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> ReplaceActivityAsync(VivaActivity activity, string etag, CancellationToken cancellationToken);

    /// <summary>Removes every activity row of a learner and their pending erasure, if any; removing nothing is not an error.</summary>
    Task DeleteLearnerAsync(LearnerKey learner, CancellationToken cancellationToken);

    /// <summary>Records that the learner's activities must still be deleted in Viva Learning (idempotent).</summary>
    Task AddPendingErasureAsync(LearnerKey learner, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every learner whose erasure in Viva Learning is still owed.</summary>
    IAsyncEnumerable<LearnerKey> ListPendingErasuresAsync(CancellationToken cancellationToken);
}
