using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Storage.InMemory;

/// <summary>Learners in memory with the same ETag rules as the table store. For fast tests and local experiments only.</summary>
public sealed class InMemoryLearnerStore : ILearnerStore
{
    private readonly ConcurrentDictionary<LearnerKey, Versioned<Learner>> _learners = new();

    /// <summary>As the table store: a record holding every attempt (the older shape) is read compacted.</summary>
    public Task<Versioned<Learner>?> FindAsync(LearnerKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_learners.TryGetValue(key, out var stored) ? stored with { Value = stored.Value.Compacted() } : null);

    public Task<string> InsertAsync(Learner learner, RecentClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var stored = new Versioned<Learner>(learner, NewETag()) { Claims = claims };
        return _learners.TryAdd(learner.Key, stored)
            ? Task.FromResult(stored.ETag)
            : Task.FromException<string>(new ConcurrencyConflictException($"The learner {learner.Key} already exists."));
    }

    public Task<string> ReplaceAsync(Learner learner, string etag, RecentClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var stored = new Versioned<Learner>(learner, NewETag()) { Claims = claims };
        return _learners.TryGetValue(learner.Key, out var current) && current.ETag == etag && _learners.TryUpdate(learner.Key, stored, current)
            ? Task.FromResult(stored.ETag)
            : Task.FromException<string>(new ConcurrencyConflictException($"The learner {learner.Key} changed since it was read."));
    }

    public Task DeleteAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        _learners.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<Learner> ListAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var stored in _learners.Values.Where(l => l.Value.Key.TenantId == tenantId).OrderBy(l => l.Value.Key.UserId, StringComparer.Ordinal))
        {
            yield return stored.Value;
        }
    }

    public async IAsyncEnumerable<Learner> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var stored in _learners.Values)
        {
            yield return stored.Value;
        }
    }

    private static string NewETag() => $"W/\"{Guid.NewGuid():N}\"";
}
