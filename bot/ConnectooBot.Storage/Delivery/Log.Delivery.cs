using Microsoft.Extensions.Logging;

namespace ConnectooBot.Storage;

/// <summary>The delivery storage's log lines (EventIds 2500–2599). Never an item's content.</summary>
internal static partial class Log
{
    [LoggerMessage(2501, LogLevel.Debug, "Queued {Count} deliveries")]
    public static partial void DeliveriesEnqueued(ILogger logger, int count);

    [LoggerMessage(2502, LogLevel.Warning, "Queue message {MessageId} is not a delivery item; parked in the poison queue")]
    public static partial void UnreadableDeliveryParked(ILogger logger, string messageId);

    [LoggerMessage(2503, LogLevel.Information, "Delivery queues are ready ({Queue}, {Poison})")]
    public static partial void DeliveryQueuesReady(ILogger logger, string queue, string poison);

    [LoggerMessage(2504, LogLevel.Warning, "Delivery queues are not reachable yet (attempt {Attempt}); retrying in {Delay}")]
    public static partial void DeliveryQueuesNotReady(ILogger logger, Exception exception, int attempt, TimeSpan delay);
}
