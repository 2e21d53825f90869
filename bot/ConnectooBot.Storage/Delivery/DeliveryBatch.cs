namespace ConnectooBot.Storage.Delivery;

/// <summary>
/// A received queue message that carries several items: its receipt and how many of its items are not dealt with yet.
/// Items are handed out only before <see cref="HandOutBefore"/> (half the visibility timeout after the receive).
/// </summary>
internal sealed class DeliveryBatch(string messageId, string receipt, int items, DateTimeOffset handOutBefore)
{
    private int _remaining = items;

    public string MessageId { get; } = messageId;

    public string Receipt { get; } = receipt;

    public DateTimeOffset HandOutBefore { get; } = handOutBefore;

    /// <summary>Counts one item as dealt with; true for the last one.</summary>
    public bool ItemDone() => Interlocked.Decrement(ref _remaining) == 0;
}
