using System.Text.Json;
using ConnectooBot.Learning.Delivery;

namespace ConnectooBot.Storage.Delivery;

/// <summary>Envelope (de)serialization and the size limit a queue message imposes.</summary>
internal static class DeliveryEnvelopes
{
    /// <summary>Azure queue messages hold 64 KiB; base64 (4/3) leaves 48 KiB of JSON. A Teams message is at most ~28 KB.</summary>
    public const int MaxBytes = 48 * 1024;

    public static byte[] Write(DeliveryItem item, int deferrals)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new DeliveryEnvelope(item, deferrals), DeliveryJsonContext.Default.DeliveryEnvelope);
        if (bytes.Length > MaxBytes)
        {
            throw new ArgumentException($"A delivery item is {bytes.Length} bytes serialized; the queue takes at most {MaxBytes}.", nameof(item));
        }

        return bytes;
    }

    public static DeliveryEnvelope? TryRead(ReadOnlySpan<byte> body)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize(body, DeliveryJsonContext.Default.DeliveryEnvelope);
            return envelope?.Item is { RunId: not null, RecipientKey: not null, TenantId: not null, ServiceUrl: not null, ConversationId: not null, Payload: not null }
                ? envelope
                : null;
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
}
