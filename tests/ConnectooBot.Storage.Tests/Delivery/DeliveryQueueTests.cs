using Azure.Storage.Queues;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.Delivery;
using ConnectooBot.Storage.InMemory;
using ConnectooBot.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Storage.Tests.Delivery;

public sealed class InMemoryDeliveryQueueTests : DeliveryQueueContract
{
    [Fact]
    public async Task Receive_AfterTheVisibilityTimeout_ReturnsTheMessageAgain()
    {
        var time = new FakeTimeProvider();
        var queue = new InMemoryDeliveryQueue(time);
        await queue.EnqueueAsync([Item("1")], CancellationToken.None);
        await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None)).Attempt);
    }

    protected override Task<(IDeliveryQueue Queue, IDeliveryInbox Inbox)> CreateAsync()
    {
        var queue = new InMemoryDeliveryQueue(new FakeTimeProvider());
        return Task.FromResult<(IDeliveryQueue, IDeliveryInbox)>((queue, queue));
    }
}

public sealed class AzuriteDeliveryQueueTests : DeliveryQueueContract
{
    private QueueClient? _queue;

    [Fact]
    public async Task Enqueue_ARun_TravelsInMessagesOf32ItemsDeletedOnceEachItemIsDone()
    {
        var (queue, inbox) = await CreateAsync();
        await queue.EnqueueAsync([.. Enumerable.Range(1, 70).Select(i => Item($"{i}"))], CancellationToken.None);
        Assert.Equal(3, (await _queue!.GetPropertiesAsync()).Value.ApproximateMessagesCount); // 32 + 32 + 6

        // One message's items, whichever message comes first: a queue keeps no strict order (Azurite returned the
        // 6-item message first once in a full suite).
        var received = await inbox.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Contains(received.Count, new[] { 32, 6 });
        foreach (var message in received.Skip(1))
        {
            await inbox.DeleteAsync(message, CancellationToken.None);
        }

        Assert.Equal(3, (await _queue.GetPropertiesAsync()).Value.ApproximateMessagesCount); // one item of the first is left
        await inbox.DeleteAsync(received[0], CancellationToken.None);
        Assert.Equal(2, (await _queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    protected override async Task<(IDeliveryQueue Queue, IDeliveryInbox Inbox)> CreateAsync()
    {
        var azurite = await Azurite.GetAsync();
        var service = DeliveryStorageServiceCollectionExtensions.CreateQueueService(new StorageOptions { ConnectionString = azurite.ConnectionString });
        var names = new DeliveryQueueNames(Azurite.NewTablePrefix());
        var queue = service.GetQueueClient(names.Deliveries);
        var poison = service.GetQueueClient(names.Poison);
        await queue.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();
        var delivery = new AzureDeliveryQueue(queue, poison, NullLogger<AzureDeliveryQueue>.Instance);
        _queue = queue;
        return (delivery, delivery);
    }
}
