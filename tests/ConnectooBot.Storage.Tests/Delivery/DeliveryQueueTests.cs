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
        return (delivery, delivery);
    }
}
