using ConnectooBot.Learning.Delivery;

namespace ConnectooBot.Learning.Ports;

/// <summary>The worker's side of the delivery queue: receive with a visibility timeout, then delete, return or park.</summary>
public interface IDeliveryInbox
{
    /// <summary>Up to <paramref name="maxMessages"/> visible messages, hidden from others for <paramref name="visibility"/>.</summary>
    Task<IReadOnlyList<DeliveryMessage>> ReceiveAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Done with it. A stale receipt (another worker received it since) is ignored.</summary>
    Task DeleteAsync(DeliveryMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Back to the queue, visible again after <paramref name="delay"/>. <paramref name="deferral"/>: this receipt was
    /// not an attempt (tenant paused, recipient busy) and does not count towards the attempt limit.
    /// </summary>
    Task ReturnAsync(DeliveryMessage message, TimeSpan delay, bool deferral, CancellationToken cancellationToken);

    /// <summary>Moves it to the poison queue (kept for operators), then deletes it here.</summary>
    Task PoisonAsync(DeliveryMessage message, CancellationToken cancellationToken);

    /// <summary>The parked items, oldest first, without removing them.</summary>
    Task<IReadOnlyList<DeliveryItem>> PeekPoisonAsync(int maxMessages, CancellationToken cancellationToken);
}
