using System.Text.Json.Nodes;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The protocol's shared activity claims over Learning's <see cref="IActivityClaims"/> (Storage implements it): the
/// claim of a turn as a stored <see cref="ActivityClaim"/>, its invoke answer as JSON text. Used by turns without a
/// learner row; a learner's turns keep their claim in the learner's row (<see cref="LearnerRowClaims"/>), with the same
/// conversions.
/// </summary>
internal sealed class StoredActivityClaims(IActivityClaims claims, TimeProvider time) : ISharedActivityClaims
{
    public async Task<SharedClaimOutcome> TakeAsync(TurnClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var result = await claims.TakeAsync(ToStored(claim, done: false, answer: null), time.GetUtcNow(), cancellationToken);
        return new SharedClaimOutcome(result.Taken, !result.Taken && result.Claim.Done, result.Taken ? null : ReadAnswer(result.Claim.Answer));
    }

    public async Task<SharedClaimOutcome?> FindAsync(TurnClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return await claims.FindAsync(KeyOf(claim), cancellationToken) is { } found && (found.Done || found.IsRunningAt(time.GetUtcNow()))
            ? new SharedClaimOutcome(false, found.Done, ReadAnswer(found.Answer))
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
        return new SharedClaimOutcome(false, held.Done, ReadAnswer(held.Answer));
    }

    public static ActivityClaim ToStored(TurnClaim claim, bool done, InvokeResponse? answer)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new ActivityClaim(KeyOf(claim), claim.Holder, claim.TakenAt, claim.LeaseUntil, done, WriteAnswer(answer));
    }

    public static ActivityClaimKey KeyOf(TurnClaim claim) => new(claim.TenantId, claim.ConversationId, claim.ActivityId);

    /// <summary>The answer as <c>{"status":200,"body":…}</c>, written straight from the card (no copy of it on the turn's path).</summary>
    private static string? WriteAnswer(InvokeResponse? answer) =>
        answer is null ? null : $"{{\"status\":{answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"body\":{answer.Body?.ToJsonString() ?? "null"}}}";

    private static InvokeResponse? ReadAnswer(string? stored) =>
        stored is null || JsonNode.Parse(stored) is not JsonObject answer
            ? null
            : new InvokeResponse(answer["status"]?.GetValue<int>() ?? 200, answer["body"]?.DeepClone());
}
