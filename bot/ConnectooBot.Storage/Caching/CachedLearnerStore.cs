using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;
using Microsoft.Extensions.Caching.Memory;

namespace ConnectooBot.Storage.Caching;

/// <summary>
/// Keeps in memory the last version of each learner this instance read or wrote, with its ETag, so that a turn's
/// optimistic update (<see cref="ILearnerStore.FindForUpdateAsync"/>) starts from it instead of a storage read: a course
/// turn is then one request, its write, instead of a read and a write. It stays correct because the write presents the
/// ETag: if another instance changed the learner, the write fails, the copy is dropped and the update reads storage and
/// applies its change again (<see cref="Learning.Ports.OptimisticUpdate"/>); a turn that decides to write nothing reads
/// storage to confirm (<see cref="LearnerUpdater"/>). Every other read (<see cref="FindAsync"/>, listings) goes to
/// storage. Bounded: at most <see cref="StorageOptions.LearnerCacheSize"/> learners, each dropped after 10 minutes
/// without use or when deleted through this instance. When copies often turn out stale (several instances taking turns
/// at random), <see cref="LearnerCacheGate"/> stops serving them.
/// </summary>
public sealed class CachedLearnerStore : ILearnerStore, IDisposable
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);
    private readonly ILearnerStore _inner;
    private readonly MemoryCache _cache;
    private readonly LearnerCacheGate _gate = new();

    /// <remarks>
    /// A copy is the learner as this instance wrote it, not read back: storage keeps its instants to the millisecond, so
    /// a copy may hold finer ones, which no rule can tell apart (reading it back cost a third of a turn's CPU).
    /// </remarks>
    public CachedLearnerStore(ILearnerStore inner, int capacity, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _inner = inner;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, Clock = new CacheClock(time) });
    }

    /// <summary>How many learners are held now (for tests and diagnostics).</summary>
    public int Count => _cache.Count;

    /// <summary>The share of recently served copies that were stale (see <see cref="LearnerCacheGate"/>).</summary>
    public double StaleShare => _gate.StaleShare;

    public async Task<Versioned<Learner>?> FindForUpdateAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(key, out Entry? entry) && entry is not null && _gate.MayServe())
        {
            return entry.Serve();
        }

        return await FindAsync(key, cancellationToken);
    }

    public async Task<Versioned<Learner>?> FindAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var found = await _inner.FindAsync(key, cancellationToken);
        if (found is null)
        {
            _cache.Remove(key);
        }
        else
        {
            Keep(found);
        }

        return found;
    }

    public Task<string> InsertAsync(Learner learner, RecentClaims claims, CancellationToken cancellationToken) =>
        WriteAsync(learner, claims, null, () => _inner.InsertAsync(learner, claims, cancellationToken));

    public Task<string> ReplaceAsync(Learner learner, string etag, RecentClaims claims, CancellationToken cancellationToken) =>
        WriteAsync(learner, claims, etag, () => _inner.ReplaceAsync(learner, etag, claims, cancellationToken));

    public async Task DeleteAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        _cache.Remove(key);
        await _inner.DeleteAsync(key, cancellationToken);
        _cache.Remove(key);
    }

    public IAsyncEnumerable<Learner> ListAsync(string tenantId, CancellationToken cancellationToken) => _inner.ListAsync(tenantId, cancellationToken);

    public IAsyncEnumerable<Learner> ListAllAsync(CancellationToken cancellationToken) => _inner.ListAllAsync(cancellationToken);

    public void Dispose() => _cache.Dispose();

    private async Task<string> WriteAsync(Learner learner, RecentClaims claims, string? etag, Func<Task<string>> write)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var served = etag is not null && _cache.TryGetValue(learner.Key, out Entry? entry) && entry is { Served: true } && entry.ETag == etag;
        string written;
        try
        {
            written = await write();
        }
        catch (ConcurrencyConflictException)
        {
            _cache.Remove(learner.Key);
            if (served)
            {
                _gate.Record(stale: true);
            }

            throw;
        }
        catch
        {
            _cache.Remove(learner.Key); // written or not (a timeout): unknown, so read it next time
            throw;
        }

        if (served)
        {
            _gate.Record(stale: false);
        }

        if (string.IsNullOrEmpty(written))
        {
            _cache.Remove(learner.Key);
        }
        else
        {
            Keep(new Versioned<Learner>(learner, written) { Claims = claims });
        }

        return written;
    }

    private void Keep(Versioned<Learner> row) =>
        _cache.Set(row.Value.Key, new Entry(row with { FromCache = true }), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });

    private sealed class Entry(Versioned<Learner> row)
    {
        public string ETag => row.ETag;

        /// <summary>Handed to an update from memory (so its write tells the gate whether copies are current).</summary>
        public bool Served { get; private set; }

        public Versioned<Learner> Serve()
        {
            Served = true;
            return row;
        }
    }

    private sealed class CacheClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
