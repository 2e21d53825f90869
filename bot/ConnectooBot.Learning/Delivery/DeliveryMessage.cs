namespace ConnectooBot.Learning.Delivery;

/// <summary>A queued item as a worker received it: invisible to other workers until it is deleted, returned or times out.</summary>
/// <param name="Item">The item.</param>
/// <param name="MessageId">The queue's id for the message.</param>
/// <param name="Receipt">Proof of this receipt (pop receipt); deleting or returning with a stale one does nothing.</param>
/// <param name="DequeueCount">How many times it was received, this time included.</param>
/// <param name="Deferrals">Returns that were not attempts (tenant paused, recipient busy): attempts = dequeues − deferrals.</param>
public sealed record DeliveryMessage(DeliveryItem Item, string MessageId, string Receipt, long DequeueCount, int Deferrals)
{
    public int Attempt => (int)Math.Max(1, DequeueCount - Deferrals);
}
