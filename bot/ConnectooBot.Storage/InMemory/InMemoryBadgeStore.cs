using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.InMemory;

/// <summary>Badges kept in memory: for tests and local runs without Azurite. Same rules as the table store.</summary>
public sealed class InMemoryBadgeStore : IBadgeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BadgeRecord> _badges = new(StringComparer.Ordinal);

    // Status index → the badge that holds it (null once erased) and its revocation, if any.
    private readonly Dictionary<int, (string? BadgeId, BadgeRevocation? Revocation)> _statuses = [];

    // (Learner, course) → the valid badge they hold for it.
    private readonly Dictionary<(LearnerKey Learner, string CourseId), string> _holders = [];

    public Task<BadgeRecord> SaveAsync(BadgeRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var holder = (record.Award.Learner, record.Award.CourseId);
        lock (_gate)
        {
            if (record.Revocation is null && _holders.TryGetValue(holder, out var held))
            {
                return Task.FromResult(_badges[held]);
            }

            if (_badges.ContainsKey(record.BadgeId) || _statuses.ContainsKey(record.StatusIndex))
            {
                throw new ConcurrencyConflictException($"Badge {record.BadgeId} or status index {record.StatusIndex} is taken.");
            }

            _badges.Add(record.BadgeId, record);
            _statuses.Add(record.StatusIndex, (record.BadgeId, record.Revocation));
            if (record.Revocation is null)
            {
                _holders.Add(holder, record.BadgeId);
            }
        }

        return Task.FromResult(record);
    }

    public Task<BadgeRecord?> FindAsync(string badgeId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_badges.GetValueOrDefault(badgeId));
        }
    }

    public Task<IReadOnlyList<BadgeRecord>> FindByLearnerAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<BadgeRecord> found = [.. _badges.Values.Where(b => b.Award.Learner == learner).OrderBy(b => b.Award.IssuedAt)];
            return Task.FromResult(found);
        }
    }

    public Task<BadgeRecord?> RevokeAsync(string badgeId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_badges.TryGetValue(badgeId, out var record))
            {
                return Task.FromResult<BadgeRecord?>(null);
            }

            if (record.Revocation is null)
            {
                record = record with { Revocation = new BadgeRevocation(reason, at) };
                _badges[badgeId] = record;
                _statuses[record.StatusIndex] = (badgeId, record.Revocation);
                Release(record);
            }

            return Task.FromResult<BadgeRecord?>(record);
        }
    }

    public Task<IReadOnlyList<RevokedStatus>> ListRevokedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<RevokedStatus> revoked =
            [
                .. _statuses
                    .Where(s => s.Value.Revocation is not null)
                    .OrderBy(s => s.Key)
                    .Select(s => new RevokedStatus(s.Key, s.Value.Revocation!)),
            ];
            return Task.FromResult(revoked);
        }
    }

    public Task<int> DeleteForLearnerAsync(LearnerKey learner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var mine = _badges.Values.Where(b => b.Award.Learner == learner).ToList();
            foreach (var record in mine)
            {
                _badges.Remove(record.BadgeId);
                _statuses[record.StatusIndex] = (null, new BadgeRevocation(BadgeRevocation.ErasedReason, at));
                Release(record);
            }

            return Task.FromResult(mine.Count);
        }
    }

    /// <summary>The learner no longer holds <paramref name="record"/> for its course (revoked or erased). Under the gate.</summary>
    private void Release(BadgeRecord record)
    {
        var holder = (record.Award.Learner, record.Award.CourseId);
        if (_holders.TryGetValue(holder, out var held) && held == record.BadgeId)
        {
            _holders.Remove(holder);
        }
    }
}
