using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The activity claim of one turn of a learner, kept in the learner's own row (<see cref="RecentClaims"/>) rather than
/// in a claim row: the turn's learner write carries it (<see cref="LearnerSessions"/>), and a turn that must claim
/// before a connector call without having changed the learner writes just the claim into the row, with the row's ETag.
/// Every other instance reads that row anyway to answer the same activity, so it sees the claim at no extra cost. When
/// the learner has no row (erased during the turn), the claim falls back to the shared claim rows, and stays there.
/// One instance per turn.
/// </summary>
internal sealed class LearnerRowClaims(LearnerUpdater updater, LearnerKey learner, ISharedActivityClaims withoutRow) : ISharedActivityClaims
{
    private bool _inClaimRows;

    /// <summary>The learner had no row when the claim was taken: it is in the shared claim rows.</summary>
    public bool InClaimRows => _inClaimRows;

    public async Task<SharedClaimOutcome> TakeAsync(TurnClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var lease = StoredActivityClaims.ToStored(claim, done: false, answer: null);
        try
        {
            if (await updater.WriteClaimAsync(learner, Rider(claim, () => lease), cancellationToken) is not null)
            {
                return new SharedClaimOutcome(true, false, null);
            }
        }
        catch (ActivityClaimedException claimed) when (claimed.Claim is { } held)
        {
            return StoredActivityClaims.Refused(held);
        }

        _inClaimRows = true;
        return await withoutRow.TakeAsync(claim, cancellationToken);
    }

    public async Task<SharedClaimOutcome?> FindAsync(TurnClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (await updater.FindClaimsAsync(learner, cancellationToken) is not { } claims)
        {
            return await withoutRow.FindAsync(claim, cancellationToken);
        }

        return claims.Find(StoredActivityClaims.KeyOf(claim)) is { } held && held.KeepsOff(claim.Holder, claim.TakenAt)
            ? StoredActivityClaims.Refused(held)
            : null;
    }

    public async Task CompleteAsync(TurnClaim claim, InvokeResponse? answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (_inClaimRows || await updater.WriteClaimAsync(learner, Rider(claim, () => StoredActivityClaims.ToStored(claim, done: true, answer)), cancellationToken) is null)
        {
            await withoutRow.CompleteAsync(claim, answer, cancellationToken);
        }
    }

    public async Task ReleaseAsync(TurnClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (_inClaimRows)
        {
            await withoutRow.ReleaseAsync(claim, cancellationToken);
            return;
        }

        try
        {
            await updater.WriteClaimAsync(learner, Rider(claim, () => null), cancellationToken);
        }
        catch (ActivityClaimedException)
        {
            // Taken over by another turn meanwhile: not ours to remove.
        }
    }

    /// <summary>The rider that checks the row for <paramref name="claim"/>'s activity and writes <paramref name="write"/>'s claim.</summary>
    public static ClaimRider Rider(TurnClaim claim, Func<ActivityClaim?> write) => new(StoredActivityClaims.KeyOf(claim), claim.Holder, write);
}
