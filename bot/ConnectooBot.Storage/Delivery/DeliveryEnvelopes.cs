using System.Text.Json;
using ConnectooBot.Learning.Delivery;

namespace ConnectooBot.Storage.Delivery;

/// <summary>Envelope (de)serialization, batching and the size limit a queue message imposes.</summary>
internal static class DeliveryEnvelopes
{
    /// <summary>Azure queue messages hold 64 KiB; base64 (4/3) leaves 48 KiB of JSON. A Teams message is at most ~28 KB.</summary>
    public const int MaxBytes = 48 * 1024;

    /// <summary>Items a producer's queue message carries at most (as many as one receive returns messages).</summary>
    public const int MaxItemsPerMessage = 32;

    public static byte[] Write(DeliveryItem item, int deferrals, int priorDequeues = 0)
    {
        var bytes = Serialize(new DeliveryEnvelope(item, deferrals, priorDequeues));
        if (bytes.Length > MaxBytes)
        {
            throw new ArgumentException($"A delivery item is {bytes.Length} bytes serialized; the queue takes at most {MaxBytes}.", nameof(item));
        }

        return bytes;
    }

    /// <summary>
    /// The bodies of the queue messages for <paramref name="items"/>, in order: consecutive items share a message up to
    /// <see cref="MaxItemsPerMessage"/> and <see cref="MaxBytes"/>; a message of one item is a plain single envelope.
    /// Throws (before anything is queued) when one item alone is too big.
    /// </summary>
    public static List<byte[]> Pack(IReadOnlyList<DeliveryItem> items)
    {
        var sizes = items.Select(item =>
        {
            Validate(item);
            return Write(item, 0).Length;
        }).ToList();
        var bodies = new List<byte[]>();
        var batch = new List<DeliveryItem>();
        var batchBytes = 0;
        for (var i = 0; i < items.Count; i++)
        {
            // Each item's own envelope is a little bigger than its share of a batch: the sum bounds the batch's size.
            if (batch.Count == MaxItemsPerMessage || (batch.Count > 0 && batchBytes + sizes[i] > MaxBytes))
            {
                bodies.Add(WriteBatch(batch));
                batch = [];
                batchBytes = 0;
            }

            batch.Add(items[i]);
            batchBytes += sizes[i];
        }

        if (batch.Count > 0)
        {
            bodies.Add(WriteBatch(batch));
        }

        return bodies;
    }

    public static DeliveryEnvelope? TryRead(ReadOnlySpan<byte> body)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize(body, DeliveryJsonContext.Default.DeliveryEnvelope);
            return envelope switch
            {
                { Item: { } item } when IsComplete(item) => envelope,
                { Item: null, Items: { Count: > 0 } batch } when batch.All(IsComplete) => envelope,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Validate(DeliveryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.RunId);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.RecipientKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.TenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.ServiceUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.ConversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Payload);
    }

    private static byte[] WriteBatch(List<DeliveryItem> batch) =>
        batch.Count == 1 ? Write(batch[0], 0) : Serialize(new DeliveryEnvelope(null, 0, 0, batch));

    private static byte[] Serialize(DeliveryEnvelope envelope) => JsonSerializer.SerializeToUtf8Bytes(envelope, DeliveryJsonContext.Default.DeliveryEnvelope);

    private static bool IsComplete(DeliveryItem? item) =>
        item is { RunId: not null, RecipientKey: not null, TenantId: not null, ServiceUrl: not null, ConversationId: not null, Payload: not null };
}
