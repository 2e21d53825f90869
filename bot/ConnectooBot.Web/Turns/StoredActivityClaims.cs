using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The protocol's shared activity claims over Learning's <see cref="IActivityClaims"/> (Storage implements it): the
/// claim of a turn as a stored <see cref="ActivityClaim"/>, its invoke answer as compact text (<see cref="StoredAnswers"/>). Used by turns without a
/// learner row; a learner's turns keep their claim in the learner's row (<see cref="LearnerRowClaims"/>), with the same
/// conversions.
/// </summary>
internal sealed class StoredActivityClaims(IActivityClaims claims, TimeProvider time) : ISharedActivityClaims
{
    public async Task<SharedClaimOutcome> TakeAsync(TurnClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var result = await claims.TakeAsync(ToStored(claim, done: false, answer: null), time.GetUtcNow(), cancellationToken);
        return new SharedClaimOutcome(result.Taken, !result.Taken && result.Claim.Done, result.Taken ? null : StoredAnswers.Read(result.Claim.Answer));
    }

    public async Task<SharedClaimOutcome?> FindAsync(TurnClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return await claims.FindAsync(KeyOf(claim), cancellationToken) is { } found && (found.Done || found.IsRunningAt(time.GetUtcNow()))
            ? new SharedClaimOutcome(false, found.Done, StoredAnswers.Read(found.Answer))
            : null;
    }

    public Task CompleteAsync(TurnClaim claim, InvokeResponse? answer, CancellationToken cancellationToken) =>
        claims.CompleteAsync(ToStored(claim, done: true, answer), cancellationToken);

    public Task ReleaseAsync(TurnClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claims.ReleaseAsync(KeyOf(claim), claim.Holder, cancellationToken);
    }

    /// <summary>The claim to write with the learner: done with the turn's final answer if it has one, else a lease.</summary>
    public static ActivityClaim ToRide(TurnClaim claim) => ToStored(claim, claim.FinalAnswer is not null, claim.FinalAnswer);

    /// <summary>What a turn meets when <paramref name="held"/> (another turn's claim, done or running) holds its activity.</summary>
    public static SharedClaimOutcome Refused(ActivityClaim held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return new SharedClaimOutcome(false, held.Done, StoredAnswers.Read(held.Answer));
    }

    public static ActivityClaim ToStored(TurnClaim claim, bool done, InvokeResponse? answer)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new ActivityClaim(KeyOf(claim), claim.Holder, claim.TakenAt, claim.LeaseUntil, done, StoredAnswers.Write(answer));
    }

    public static ActivityClaimKey KeyOf(TurnClaim claim) => new(claim.TenantId, claim.ConversationId, claim.ActivityId);
}
