using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Web.Turns;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.VivaLearning;

/// <summary>
/// "delete my data" for Viva Learning: every stored activity of the learner is deleted there (a row whose id was never
/// stored is looked up by its external id first), then the sync rows. When Viva Learning does not answer within
/// <see cref="VivaLearningOptions.ErasureTimeout"/>, the erasure is recorded as owed (the rows stay, so the ids are
/// not lost) and the worker completes it later; the person is told so.
/// </summary>
internal sealed class VivaErasure(
    VivaGraph graph,
    IVivaSyncStore store,
    IOptions<VivaLearningOptions> options,
    TimeProvider time,
    ILogger<VivaErasure> logger) : IPersonalDataErasureListener
{
    public async Task<ExternalErasure> EraseAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(options.Value.ErasureTimeout);
        try
        {
            await EraseNowAsync(learner, bounded.Token);
            return ExternalErasure.Done;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ErasureDeferred(logger, e);
            await store.AddPendingErasureAsync(learner, time.GetUtcNow(), cancellationToken);
            return ExternalErasure.Deferred;
        }
    }

    /// <summary>Deletes the learner's activities in Viva Learning, then their sync rows (and their owed erasure); returns how many were deleted.</summary>
    public async Task<int> EraseNowAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var row in await store.ListActivitiesAsync(learner, cancellationToken))
        {
            if ((row.Value.GraphId ?? await graph.FindActivityAsync(row.Value.ExternalId, cancellationToken)) is { } id)
            {
                await graph.DeleteActivityAsync(id, cancellationToken);
                deleted++;
            }
        }

        await store.DeleteLearnerAsync(learner, cancellationToken);
        return deleted;
    }
}
