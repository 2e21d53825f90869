using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Storage.Delivery;

/// <summary>
/// The delivery queue on Azure Storage Queues (base64 JSON envelopes). A producer's items travel in batches: one queue
/// message carries up to <see cref="DeliveryEnvelopes.MaxItemsPerMessage"/> of them (<see cref="DeliveryBatch"/>), so a
/// large run costs a thirty-second of the queue operations (and of the queue depth) it would item by item. The worker
/// still sees one <see cref="DeliveryMessage"/> per item: the batch message is deleted once each of its items was
/// deleted, parked, or returned — a returned item goes back as a message of its own (carrying its dequeues so far),
/// so it is retried alone. Items received beyond what the caller asked for wait here for its next receive. If the
/// worker dies, the batch reappears after its visibility timeout and the ledger skips the items already final.
/// A receipt that went stale (the visibility timeout passed and another worker received the message) makes delete and
/// return no-ops: the other worker owns it. Messages that cannot be read are parked in the poison queue as they are.
/// </summary>
public sealed class AzureDeliveryQueue(QueueClient queue, QueueClient poison, ILogger<AzureDeliveryQueue> logger, TimeProvider? timeProvider = null)
    : IDeliveryQueue, IDeliveryInbox
{
    /// <summary>The most a receive returns, and the longest invisibility, that Azure Storage Queues allow.</summary>
    public const int MaxBatch = 32;
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);
    private const int EnqueueParallelism = 16;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ConcurrentDictionary<(string MessageId, string Receipt), DeliveryBatch> _batchItems = new();
    private readonly ConcurrentDictionary<(string MessageId, string Receipt), int> _priorDequeues = new();
    private readonly Lock _bufferLock = new();
    private readonly Queue<(DeliveryMessage Message, DeliveryBatch Batch)> _buffer = new();
    private double _itemsPerMessage = DeliveryEnvelopes.MaxItemsPerMessage;

    public async Task EnqueueAsync(IReadOnlyList<DeliveryItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var bodies = DeliveryEnvelopes.Pack(items);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = EnqueueParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(bodies, parallel, async (body, token) => await queue.SendMessageAsync(new BinaryData(body), cancellationToken: token));
        Log.DeliveriesEnqueued(logger, items.Count);
    }

    public async Task<IReadOnlyList<DeliveryMessage>> ReceiveAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var wanted = Math.Clamp(maxMessages, 1, MaxBatch * DeliveryEnvelopes.MaxItemsPerMessage);
        var messages = TakeBuffered(wanted);
        if (messages.Count == wanted)
        {
            return messages;
        }

        var count = Math.Clamp((int)Math.Ceiling((wanted - messages.Count) / _itemsPerMessage), 1, MaxBatch);
        var response = await queue.ReceiveMessagesAsync(count, Visibility(visibility), cancellationToken);
        var receivedAt = _time.GetUtcNow();
        var items = 0;
        foreach (var message in response.Value)
        {
            if (DeliveryEnvelopes.TryRead(message.Body.ToMemory().Span) is not { } envelope)
            {
                Log.UnreadableDeliveryParked(logger, message.MessageId);
                await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await IgnoreStaleAsync(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken));
                continue;
            }

            if (envelope.Item is { } single)
            {
                items++;
                if (envelope.PriorDequeues > 0)
                {
                    _priorDequeues[(message.MessageId, message.PopReceipt)] = envelope.PriorDequeues;
                }

                messages.Add(new DeliveryMessage(single, message.MessageId, message.PopReceipt, message.DequeueCount + envelope.PriorDequeues, envelope.Deferrals));
                continue;
            }

            items += Unpack(message, envelope.Items!, receivedAt + (visibility / 2), wanted, messages);
        }

        if (response.Value.Length > 0)
        {
            _itemsPerMessage = Math.Max(1, (double)items / response.Value.Length);
        }

        return messages;
    }

    public Task DeleteAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_batchItems.TryRemove((message.MessageId, message.Receipt), out var batch))
        {
            return DoneAsync(batch, cancellationToken);
        }

        _priorDequeues.TryRemove((message.MessageId, message.Receipt), out _);
        return IgnoreStaleAsync(() => queue.DeleteMessageAsync(message.MessageId, message.Receipt, cancellationToken));
    }

    public async Task ReturnAsync(DeliveryMessage message, TimeSpan delay, bool deferral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var deferrals = message.Deferrals + (deferral ? 1 : 0);
        if (_batchItems.TryRemove((message.MessageId, message.Receipt), out var batch))
        {
            // Out of its batch: back as a message of its own, with the dequeues it had (they count towards its attempts).
            var body = new BinaryData(DeliveryEnvelopes.Write(message.Item, deferrals, (int)message.DequeueCount));
            await queue.SendMessageAsync(body, Visibility(delay), cancellationToken: cancellationToken);
            await DoneAsync(batch, cancellationToken);
            return;
        }

        var prior = _priorDequeues.TryRemove((message.MessageId, message.Receipt), out var dequeues) ? dequeues : 0;
        var rewritten = deferral ? new BinaryData(DeliveryEnvelopes.Write(message.Item, deferrals, prior)) : null;
        await IgnoreStaleAsync(() => queue.UpdateMessageAsync(message.MessageId, message.Receipt, rewritten, Visibility(delay), cancellationToken));
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

    /// <summary>Hands out a batch's items (up to what the caller still wants); the rest wait in the buffer.</summary>
    private int Unpack(QueueMessage message, IReadOnlyList<DeliveryItem> items, DateTimeOffset handOutBefore, int wanted, List<DeliveryMessage> messages)
    {
        var batch = new DeliveryBatch(message.MessageId, message.PopReceipt, items.Count, handOutBefore);
        for (var i = 0; i < items.Count; i++)
        {
            var item = new DeliveryMessage(items[i], $"{message.MessageId}#{i}", message.PopReceipt, message.DequeueCount, 0);
            _batchItems[(item.MessageId, item.Receipt)] = batch;
            if (messages.Count < wanted)
            {
                messages.Add(item);
            }
            else
            {
                lock (_bufferLock)
                {
                    _buffer.Enqueue((item, batch));
                }
            }
        }

        return items.Count;
    }

    /// <summary>
    /// Buffered items, oldest first. An item whose batch has used half its visibility is not handed out any more (its
    /// batch is left to reappear, so the item is not being sent when another worker receives it).
    /// </summary>
    private List<DeliveryMessage> TakeBuffered(int wanted)
    {
        var now = _time.GetUtcNow();
        var taken = new List<DeliveryMessage>();
        lock (_bufferLock)
        {
            while (taken.Count < wanted && _buffer.TryDequeue(out var entry))
            {
                if (entry.Batch.HandOutBefore < now)
                {
                    _batchItems.TryRemove((entry.Message.MessageId, entry.Message.Receipt), out _);
                    continue;
                }

                taken.Add(entry.Message);
            }
        }

        return taken;
    }

    /// <summary>One item of the batch is dealt with; the last one deletes the batch's queue message.</summary>
    private Task DoneAsync(DeliveryBatch batch, CancellationToken cancellationToken) =>
        batch.ItemDone()
            ? IgnoreStaleAsync(() => queue.DeleteMessageAsync(batch.MessageId, batch.Receipt, cancellationToken))
            : Task.CompletedTask;

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
