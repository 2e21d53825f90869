namespace ConnectooBot.Learning.Delivery;

/// <summary>What happened when a worker tried to claim a recipient.</summary>
public abstract record DeliveryClaimResult
{
    private DeliveryClaimResult()
    {
    }

    /// <summary>Claimed: nobody had tried, or an earlier attempt released it (retry). Send now.</summary>
    public sealed record Claimed(DeliveryClaim Claim) : DeliveryClaimResult;

    /// <summary>
    /// Claimed over an expired claim that has no outcome: a worker claimed, maybe sent, and died. The caller decides
    /// (by default: record <see cref="DeliveryReasons.Interrupted"/>, do not send again).
    /// </summary>
    public sealed record TakenOver(DeliveryClaim Claim) : DeliveryClaimResult;

    /// <summary>Already final: do nothing (the message is a leftover of a crash or a duplicate).</summary>
    public sealed record AlreadyFinal(DeliveryOutcome Outcome) : DeliveryClaimResult;

    /// <summary>Another worker holds a live claim until <paramref name="LeaseUntil"/>: look again after it.</summary>
    public sealed record Busy(DateTimeOffset LeaseUntil) : DeliveryClaimResult;
}
