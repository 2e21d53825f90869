using ConnectooBot.Learning.Delivery;

namespace ConnectooBot.Learning.Ports;

/// <summary>
/// Where producers put due messages: one item per recipient. Workers send them within Teams' limits and record each
/// outcome in the <see cref="IDeliveryLedger"/>; an item whose (run, recipient) already has an outcome is not sent again.
/// </summary>
public interface IDeliveryQueue
{
    Task EnqueueAsync(IReadOnlyList<DeliveryItem> items, CancellationToken cancellationToken);
}
