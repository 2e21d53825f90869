using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.Delivery;

namespace ConnectooBot.Storage.InMemory;

/// <summary>
/// The delivery queue in memory (one process only) with the Azure queue's semantics: visibility timeouts on the
/// injected clock, receipts that go stale, dequeue counts, a poison queue.
/// </summary>
public sealed class InMemoryDeliveryQueue(TimeProvider time) : IDeliveryQueue, IDeliveryInbox
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _messages = [];
    private readonly List<DeliveryItem> _poison = [];
    private long _nextId;

    /// <summary>Messages still queued (visible or not).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    public Task EnqueueAsync(IReadOnlyList<DeliveryItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            DeliveryEnvelopes.Validate(item);
            DeliveryEnvelopes.Write(item, 0);
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var item in items)
            {
                _messages.Add(new Entry((++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), item) { VisibleAt = now });
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeliveryMessage>> ReceiveAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            IReadOnlyList<DeliveryMessage> received = [.. _messages
                .Where(m => m.VisibleAt <= now)
                .Take(maxMessages)
                .ToList()
                .Select(m =>
                {
                    m.DequeueCount++;
                    m.Receipt = Guid.NewGuid().ToString("N");
                    m.VisibleAt = now + visibility;
                    return new DeliveryMessage(m.Item, m.Id, m.Receipt, m.DequeueCount, m.Deferrals);
                })];
            return Task.FromResult(received);
        }
    }

    public Task DeleteAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Held(message) is { } entry)
            {
                _messages.Remove(entry);
            }
        }

        return Task.CompletedTask;
    }

    public Task ReturnAsync(DeliveryMessage message, TimeSpan delay, bool deferral, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Held(message) is { } entry)
            {
                entry.VisibleAt = time.GetUtcNow() + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
                entry.Receipt = Guid.NewGuid().ToString("N");
                entry.Deferrals += deferral ? 1 : 0;
            }
        }

        return Task.CompletedTask;
    }

    public Task PoisonAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (Held(message) is { } entry)
            {
                _messages.Remove(entry);
                _poison.Add(entry.Item);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeliveryItem>> PeekPoisonAsync(int maxMessages, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeliveryItem> items = [.. _poison.Take(maxMessages)];
            return Task.FromResult(items);
        }
    }

    private Entry? Held(DeliveryMessage message) =>
        _messages.Find(m => m.Id == message.MessageId && m.Receipt == message.Receipt);

    private sealed class Entry(string id, DeliveryItem item)
    {
        public string Id { get; } = id;

        public DeliveryItem Item { get; } = item;

        public DateTimeOffset VisibleAt { get; set; }

        public string Receipt { get; set; } = "";

        public long DequeueCount { get; set; }

        public int Deferrals { get; set; }
    }
}
