using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Storage.InMemory;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

/// <summary>An in-memory learner store where another writer gets in first on the next N replaces (a real ETag conflict).</summary>
internal sealed class RacingLearnerStore : ILearnerStore
{
    private readonly InMemoryLearnerStore _inner = new();
    private int _racesLeft;

    public void RaceNextReplaces(int times) => Interlocked.Exchange(ref _racesLeft, times);

    public Task<Versioned<Learner>?> FindAsync(LearnerKey key, CancellationToken cancellationToken) => _inner.FindAsync(key, cancellationToken);

    public Task<string> InsertAsync(Learner learner, RecentClaims claims, CancellationToken cancellationToken) => _inner.InsertAsync(learner, claims, cancellationToken);

    public async Task<string> ReplaceAsync(Learner learner, string etag, RecentClaims claims, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _racesLeft) >= 0)
        {
            var theirs = (await _inner.FindAsync(learner.Key, cancellationToken))!;
            await _inner.ReplaceAsync(theirs.Value with { LastActive = theirs.Value.LastActive.AddHours(1) }, theirs.ETag, theirs.Claims, cancellationToken);
        }

        return await _inner.ReplaceAsync(learner, etag, claims, cancellationToken);
    }

    public Task DeleteAsync(LearnerKey key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<Learner> ListAsync(string tenantId, CancellationToken cancellationToken) => _inner.ListAsync(tenantId, cancellationToken);

    public IAsyncEnumerable<Learner> ListAllAsync(CancellationToken cancellationToken) => _inner.ListAllAsync(cancellationToken);
}
