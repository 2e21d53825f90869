using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>
/// Claims on inbound activities shared by every instance of the bot (the host implements it over its storage), so an
/// activity Teams re-delivers to another instance is processed once. Without one, duplicates are caught per process.
/// </summary>
public interface ISharedActivityClaims
{
    /// <summary>Takes the claim of <paramref name="claim"/>'s activity (conditional insert; takeover of an expired lease).</summary>
    Task<SharedClaimOutcome> TakeAsync(TurnClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Looks for the claim of <paramref name="claim"/>'s activity without taking it (a point read): null if there is
    /// none, else whether it is done (with its answer) or still running.
    /// </summary>
    Task<SharedClaimOutcome?> FindAsync(TurnClaim claim, CancellationToken cancellationToken);

    /// <summary>Marks the claim done and stores <paramref name="answer"/> for a repeat of the activity.</summary>
    Task CompleteAsync(TurnClaim claim, InvokeResponse? answer, CancellationToken cancellationToken);

    /// <summary>Gives the claim up (the turn failed, so that Teams' retry is processed).</summary>
    Task ReleaseAsync(TurnClaim claim, CancellationToken cancellationToken);
}
