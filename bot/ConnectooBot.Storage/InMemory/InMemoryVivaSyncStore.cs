using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Viva;

namespace ConnectooBot.Storage.InMemory;

/// <summary>The Viva Learning sync state in memory, with the same versioning rules as the table.</summary>
public sealed class InMemoryVivaSyncStore : IVivaSyncStore
{
    private readonly ConcurrentDictionary<(string Module, string Language), VivaContent> contents = new();
    private readonly ConcurrentDictionary<(LearnerKey Learner, string Module), Versioned<VivaActivity>> activities = new();
    private readonly ConcurrentDictionary<LearnerKey, DateTimeOffset> erasures = new();
    private readonly Lock gate = new();

    public Task<IReadOnlyList<VivaContent>> ListContentsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VivaContent>>([.. contents.Values.OrderBy(c => c.ModuleId, StringComparer.Ordinal).ThenBy(c => c.Language, StringComparer.Ordinal)]);

    public Task SaveContentAsync(VivaContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        contents[(content.ModuleId, content.Language)] = content;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Versioned<VivaActivity>>> ListActivitiesAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Versioned<VivaActivity>>>([.. activities.Where(a => a.Key.Learner == learner).Select(a => a.Value).OrderBy(a => a.Value.ModuleId, StringComparer.Ordinal)]);

    public Task<string> InsertActivityAsync(VivaActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var stored = new Versioned<VivaActivity>(activity, Guid.NewGuid().ToString("N"));
        return activities.TryAdd((activity.Learner, activity.ModuleId), stored)
            ? Task.FromResult(stored.ETag)
            : Task.FromException<string>(new ConcurrencyConflictException("The activity row exists."));
    }

    public Task<string> ReplaceActivityAsync(VivaActivity activity, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (gate)
        {
            var key = (activity.Learner, activity.ModuleId);
            if (!activities.TryGetValue(key, out var current) || current.ETag != etag)
            {
                return Task.FromException<string>(new ConcurrencyConflictException("The activity row changed or is gone."));
            }

            var stored = new Versioned<VivaActivity>(activity, Guid.NewGuid().ToString("N"));
            activities[key] = stored;
            return Task.FromResult(stored.ETag);
        }
    }

    public Task DeleteLearnerAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        foreach (var key in activities.Keys.Where(k => k.Learner == learner).ToList())
        {
            activities.TryRemove(key, out _);
        }

        erasures.TryRemove(learner, out _);
        return Task.CompletedTask;
    }

    public Task AddPendingErasureAsync(LearnerKey learner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        erasures.TryAdd(learner, at);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<LearnerKey> ListPendingErasuresAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var learner in erasures.Keys.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return learner;
        }

        await Task.CompletedTask;
    }
}
