using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Viva;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;

namespace ConnectooBot.Web.VivaLearning;

/// <summary>
/// Brings Viva Learning up to date with one learner: for each module they opened, a <c>learningSelfInitiatedCourse</c>
/// in progress with its completion percentage, then completed with the date the quiz was passed
/// (<see cref="VivaRules.Target"/>). Idempotent across crashes and instances: the sync row is inserted (claimed) before
/// the POST; a row without a Graph id is resolved by a GET on the external id before any POST; the id is stored as
/// soon as Graph returns it, then the learner is checked to still exist (an erasure may be under way); a state already
/// sent is not sent again.
/// </summary>
internal sealed class VivaActivitySync(
    Learning.Catalog.Course course,
    VivaGraph graph,
    VivaContentPublisher contents,
    IVivaSyncStore store,
    ILearnerStore learners,
    VivaErasure erasure,
    IOptions<VivaLearningOptions> options,
    TimeProvider time,
    ILogger<VivaActivitySync> logger)
{
    /// <summary>Syncs the learner's opened modules; returns how many Graph requests it made.</summary>
    public async Task<int> SyncAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (!VivaRules.CanSync(learner.Key))
        {
            return 0;
        }

        var targets = course.Modules
            .Select(m => (Module: m, Target: VivaRules.Target(m, learner.Progress.Module(m.Id))))
            .Where(t => t.Target is not null)
            .ToList();
        if (targets.Count == 0)
        {
            return 0;
        }

        var rows = (await store.ListActivitiesAsync(learner.Key, cancellationToken)).ToDictionary(r => r.Value.ModuleId, StringComparer.Ordinal);
        var requests = 0;
        foreach (var (module, target) in targets)
        {
            requests += await SyncModuleAsync(learner, module, target!, rows.GetValueOrDefault(module.Id), cancellationToken);
        }

        return requests;
    }

    private async Task<int> SyncModuleAsync(Learner learner, Module module, VivaTarget target, Versioned<VivaActivity>? row, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (row is null)
        {
            if (await contents.ContentIdAsync(module.Id, learner.Language, cancellationToken) is not { } contentId)
            {
                Log.ContentsMissing(logger);
                return 0;
            }

            var claimed = new VivaActivity
            {
                Learner = learner.Key,
                ModuleId = module.Id,
                ExternalId = VivaRules.ActivityExternalId(learner.Key, module.Id),
                ContentId = contentId,
                StartedAt = now,
                ClaimedAt = now,
            };
            try
            {
                var etag = await store.InsertActivityAsync(claimed, cancellationToken);
                return await CreateAsync(new Versioned<VivaActivity>(claimed, etag), target, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                return 0; // another instance is creating it
            }
        }

        if (row.Value.GraphId is null)
        {
            if (!VivaRules.ClaimExpired(row.Value, now))
            {
                return 0; // being created elsewhere
            }

            try
            {
                var taken = row.Value with { ClaimedAt = now };
                var etag = await store.ReplaceActivityAsync(taken, row.ETag, cancellationToken);
                return await CreateAsync(new Versioned<VivaActivity>(taken, etag), target, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                return 0;
            }
        }

        if (VivaRules.Update(row.Value.Synced, target) is not { } update)
        {
            return 0;
        }

        await graph.UpdateActivityAsync(row.Value.GraphId, Patch(row.Value, update), cancellationToken);
        Log.ActivitySynced(logger, learner.Key.ToString(), module.Id, "PATCH " + update.Status);
        try
        {
            await store.ReplaceActivityAsync(row.Value with { Synced = update }, row.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Changed meanwhile: the next pass compares again (a repeated PATCH of the same state is harmless).
        }

        return 1;
    }

    /// <summary>Creates the activity of a claimed row: a GET on its external id first, a POST only when there is none.</summary>
    private async Task<int> CreateAsync(Versioned<VivaActivity> row, VivaTarget target, CancellationToken cancellationToken)
    {
        var activity = row.Value;
        var requests = 1;
        var id = await graph.FindActivityAsync(activity.ExternalId, cancellationToken);
        if (id is not null)
        {
            // An earlier try created it and stopped before storing its id: bring it to the target instead of posting again.
            Log.ActivityRecovered(logger);
            await graph.UpdateActivityAsync(id, Patch(activity, target), cancellationToken);
            requests++;
        }
        else
        {
            try
            {
                id = await graph.CreateActivityAsync(Post(activity, target), cancellationToken);
                requests++;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(row);
                throw;
            }
        }

        Log.ActivitySynced(logger, activity.Learner.ToString(), activity.ModuleId, "created " + target.Status);
        try
        {
            await store.ReplaceActivityAsync(activity with { GraphId = id, ClaimedAt = null, Synced = target }, row.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The row went meanwhile: the learner erased their data while the POST was in flight. Erase what was created.
            await graph.DeleteActivityAsync(id, cancellationToken);
            return requests + 1;
        }

        // "delete my data" removes the learner record before it erases the copies in Viva Learning: if the learner is
        // gone now, that erasure may have listed the rows before this one was written, so this creation undoes itself.
        if (await learners.FindAsync(activity.Learner, cancellationToken) is null)
        {
            requests += await erasure.EraseNowAsync(activity.Learner, cancellationToken);
        }

        return requests;
    }

    /// <summary>After a failed POST, gives the claim back at once so the next pass resumes (with its GET) without waiting for the claim to run out.</summary>
    private async Task ReleaseAsync(Versioned<VivaActivity> row)
    {
        try
        {
            await store.ReplaceActivityAsync(row.Value with { ClaimedAt = null }, row.ETag, CancellationToken.None);
        }
        catch (Exception)
        {
            // The claim runs out by itself (VivaRules.ClaimLifetime).
        }
    }

    private LearningSelfInitiatedCourse Post(VivaActivity activity, VivaTarget target)
    {
        var body = Patch(activity, target);
        body.LearningContentId = activity.ContentId;
        body.LearningProviderId = options.Value.RegistrationId;
        body.LearnerUserId = activity.Learner.UserId;
        body.ExternalcourseActivityId = activity.ExternalId;
        return body;
    }

    private static LearningSelfInitiatedCourse Patch(VivaActivity activity, VivaTarget target)
    {
        var body = new LearningSelfInitiatedCourse
        {
            // The documentation asks for the type in the body; the SDK's model does not set it by itself.
            OdataType = "#microsoft.graph.learningSelfInitiatedCourse",
            Status = target.Status == VivaStatus.Completed ? CourseStatus.Completed : CourseStatus.InProgress,
            CompletionPercentage = target.Percentage,
            StartedDateTime = activity.StartedAt,
        };
        if (target.CompletedAt is { } completedAt)
        {
            body.CompletedDateTime = completedAt;
        }

        return body;
    }
}
