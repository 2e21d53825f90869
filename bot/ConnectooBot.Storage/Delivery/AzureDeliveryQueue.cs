using Azure;
using Azure.Storage.Queues;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Storage.Delivery;

/// <summary>
/// The delivery queue on Azure Storage Queues (base64 JSON envelopes). A receipt that went stale (the visibility
/// timeout passed and another worker received the message) makes delete and return no-ops: the other worker owns it.
/// Messages that cannot be read are parked in the poison queue as they are.
/// </summary>
public sealed class AzureDeliveryQueue(QueueClient queue, QueueClient poison, ILogger<AzureDeliveryQueue> logger) : IDeliveryQueue, IDeliveryInbox
{
    /// <summary>The most a receive returns, and the longest invisibility, that Azure Storage Queues allow.</summary>
    public const int MaxBatch = 32;
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);
    private const int EnqueueParallelism = 16;

    public async Task EnqueueAsync(IReadOnlyList<DeliveryItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var bodies = items.Select(item =>
        {
            DeliveryEnvelopes.Validate(item);
            return DeliveryEnvelopes.Write(item, 0);
        }).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = EnqueueParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(bodies, parallel, async (body, token) => await queue.SendMessageAsync(new BinaryData(body), cancellationToken: token));
        Log.DeliveriesEnqueued(logger, items.Count);
    }

    public async Task<IReadOnlyList<DeliveryMessage>> ReceiveAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var response = await queue.ReceiveMessagesAsync(Math.Clamp(maxMessages, 1, MaxBatch), Visibility(visibility), cancellationToken);
        var messages = new List<DeliveryMessage>(response.Value.Length);
        foreach (var message in response.Value)
        {
            if (DeliveryEnvelopes.TryRead(message.Body.ToMemory().Span) is { } envelope)
            {
                messages.Add(new DeliveryMessage(envelope.Item, message.MessageId, message.PopReceipt, message.DequeueCount, envelope.Deferrals));
                continue;
            }

            Log.UnreadableDeliveryParked(logger, message.MessageId);
            await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
            await IgnoreStaleAsync(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken));
        }

        return messages;
    }

    public Task DeleteAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return IgnoreStaleAsync(() => queue.DeleteMessageAsync(message.MessageId, message.Receipt, cancellationToken));
    }

    public Task ReturnAsync(DeliveryMessage message, TimeSpan delay, bool deferral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = deferral ? new BinaryData(DeliveryEnvelopes.Write(message.Item, message.Deferrals + 1)) : null;
        return IgnoreStaleAsync(() => queue.UpdateMessageAsync(message.MessageId, message.Receipt, body, Visibility(delay), cancellationToken));
    }

    public async Task PoisonAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await poison.SendMessageAsync(new BinaryData(DeliveryEnvelopes.Write(message.Item, message.Deferrals)), cancellationToken: cancellationToken);
        await DeleteAsync(message, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryItem>> PeekPoisonAsync(int maxMessages, CancellationToken cancellationToken)
    {
        var response = await poison.PeekMessagesAsync(Math.Clamp(maxMessages, 1, MaxBatch), cancellationToken);
        return [.. response.Value
            .Select(m => DeliveryEnvelopes.TryRead(m.Body.ToMemory().Span)?.Item)
            .OfType<DeliveryItem>()];
    }

    /// <summary>Whole seconds (the service's unit), rounded up so a pause is never cut short.</summary>
    private static TimeSpan Visibility(TimeSpan delay)
    {
        var clamped = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxVisibility ? MaxVisibility : delay;
        return TimeSpan.FromSeconds(Math.Ceiling(clamped.TotalSeconds));
    }

    private static async Task IgnoreStaleAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RequestFailedException ex) when (ex.Status == 404 || ex.ErrorCode == "PopReceiptMismatch")
        {
            // 404 MessageNotFound / PopReceiptMismatch: another receipt owns the message now.
        }
    }
}
