using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Learning.Learners;

/// <summary>
/// Changes a learner with optimistic concurrency (<see cref="OptimisticUpdate"/>). A turn's activity claim
/// (<see cref="ClaimRider"/>) travels in the learner's row (<see cref="RecentClaims"/>): every read checks it, every write
/// carries the row's claims forward, with the turn's own.
/// </summary>
public sealed class LearnerUpdater(ILearnerStore store, TimeProvider time, IConflictObserver? conflicts = null)
{
    public const int MaxAttempts = OptimisticUpdate.MaxAttempts;

    /// <param name="change">Given the current learner (null if new), returns the new learner, or the same instance for "no change".</param>
    public async Task<Learner?> UpdateAsync(LearnerKey key, Func<Learner?, Learner?> change, CancellationToken cancellationToken) =>
        (await UpdateAsync(key, change, null, cancellationToken)).Learner;

    /// <summary>
    /// As <see cref="UpdateAsync(LearnerKey, Func{Learner?, Learner?}, CancellationToken)"/>, for the turn that
    /// <paramref name="rider"/> describes (null: none). Throws <see cref="ActivityClaimedException"/>, having written
    /// nothing, when the learner's row shows another turn holding the same activity (done, or running with a live
    /// lease; an expired lease is taken over by this write). When the learner is written, the claim the rider gives
    /// (asked just before each write) is stored in the row with it. Returns the learner and the claim written with it
    /// (null if none, or nothing was written).
    /// </summary>
    public Task<(Learner? Learner, ActivityClaim? Claimed)> UpdateAsync(
        LearnerKey key, Func<Learner?, Learner?> change, ClaimRider? rider, CancellationToken cancellationToken) =>
        RunAsync(key, change, rider, cancellationToken);

    /// <summary>
    /// Writes only the rider's claim into the learner's row, the learner unchanged: a turn takes, completes or gives up
    /// its claim there. Throws <see cref="ActivityClaimedException"/> as <see cref="UpdateAsync(LearnerKey, Func{Learner?, Learner?}, ClaimRider?, CancellationToken)"/>;
    /// returns null (nothing written) when the learner has no row.
    /// </summary>
    public async Task<ActivityClaim?> WriteClaimAsync(LearnerKey key, ClaimRider rider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rider);
        var (_, claimed) = await RunAsync(key, learner => learner is null ? null : learner with { }, rider, cancellationToken);
        return claimed;
    }

    /// <summary>The claims the learner's stored row holds (a storage read); null when the learner has no row.</summary>
    public async Task<RecentClaims?> FindClaimsAsync(LearnerKey key, CancellationToken cancellationToken) =>
        (await store.FindAsync(key, cancellationToken))?.Claims;

    private async Task<(Learner? Learner, ActivityClaim? Claimed)> RunAsync(
        LearnerKey key, Func<Learner?, Learner?> change, ClaimRider? rider, CancellationToken cancellationToken)
    {
        ActivityClaim? written = null;
        var wrote = false;
        var reads = 0;
        Versioned<Learner>? lastRead = null;
        async Task<Versioned<Learner>?> ReadAsync(bool fromStorage, CancellationToken ct)
        {
            // The first read may come from the store's memory; after a conflict, storage.
            lastRead = !fromStorage && reads++ == 0 ? await store.FindForUpdateAsync(key, ct) : await store.FindAsync(key, ct);
            if (rider is not null && lastRead is not null && HeldByAnother(lastRead.Claims, rider) is not null)
            {
                if (lastRead.FromCache)
                {
                    // A copy from memory may show a claim that has since been completed (or given up): storage says.
                    lastRead = await store.FindAsync(key, ct);
                }

                if (lastRead is not null && HeldByAnother(lastRead.Claims, rider) is { } held)
                {
                    throw new ActivityClaimedException(held);
                }
            }

            if (rider is not null && lastRead is { FromCache: false })
            {
                rider.FreeInStorage?.Invoke();
            }

            return lastRead;
        }

        var learner = await UpdateOnceAsync(ct => ReadAsync(fromStorage: false, ct));
        if (!wrote && lastRead is { FromCache: true })
        {
            // Nothing to write, judged on a copy from memory that may be behind: judge again on the stored learner.
            learner = await UpdateOnceAsync(ct => ReadAsync(fromStorage: true, ct));
        }

        return (learner, written);

        Task<Learner?> UpdateOnceAsync(Func<CancellationToken, Task<Versioned<Learner>?>> read) => OptimisticUpdate.RunAsync(
            read,
            async (value, ct) =>
            {
                var (claims, claim) = ClaimsToWrite(RecentClaims.None);
                await store.InsertAsync(value, claims, ct);
                (written, wrote) = (claim, true);
            },
            async (value, etag, ct) =>
            {
                var (claims, claim) = ClaimsToWrite(lastRead?.Claims ?? RecentClaims.None);
                await store.ReplaceAsync(value, etag, claims, ct);
                (written, wrote) = (claim, true);
            },
            change,
            conflicts is null ? null : () => conflicts.OnConflict("learner"),
            time,
            cancellationToken);

        (RecentClaims Claims, ActivityClaim? Claim) ClaimsToWrite(RecentClaims stored)
        {
            if (rider is null)
            {
                return (stored.Pruned(time.GetUtcNow()), null);
            }

            var claim = rider.Write();
            return claim is null ? (stored.Without(rider.Key, rider.Holder).Pruned(time.GetUtcNow()), null) : (stored.With(claim), claim);
        }
    }

    /// <summary>Another turn's claim on the rider's activity that still counts: done, or running with a live lease.</summary>
    private ActivityClaim? HeldByAnother(RecentClaims claims, ClaimRider rider) =>
        claims.Find(rider.Key) is { } held && held.KeepsOff(rider.Holder, time.GetUtcNow()) ? held : null;
}
