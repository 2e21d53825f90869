namespace ConnectooBot.Learning.Delivery;

/// <summary>One recipient's row in the ledger.</summary>
/// <param name="LeaseUntil">While <see cref="DeliveryStatus.Sending"/>: until when the claiming worker may still be sending.</param>
public sealed record DeliveryEntry(
    string RunId,
    string RecipientKey,
    DeliveryStatus Status,
    string? Reason,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset UpdatedAt)
{
    public DeliveryOutcome? Outcome => DeliveryOutcome.From(Status, Reason);
}
