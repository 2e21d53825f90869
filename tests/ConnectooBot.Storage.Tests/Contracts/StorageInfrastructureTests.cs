using Azure.Data.Tables;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Storage.Tests.Contracts;

public sealed class StorageInfrastructureTests
{
    private static async Task<(TableServiceClient Service, TableNames Names, StorageRequestCounter Counter)> ServiceAsync()
    {
        var azurite = await Azurite.GetAsync();
        var counter = new StorageRequestCounter();
        var service = StorageServiceCollectionExtensions.CreateService(new StorageOptions { ConnectionString = azurite.ConnectionString }, counter);
        return (service, new TableNames(Azurite.NewTablePrefix()), counter);
    }

    [Fact]
    public async Task Initializer_CreatesEveryTable()
    {
        var (service, names, _) = await ServiceAsync();
        var initializer = new StorageInitializer(service, names, Options.Create(new StorageOptions()), TimeProvider.System, NullLogger<StorageInitializer>.Instance);

        await initializer.StartAsync(CancellationToken.None);

        var existing = new List<string>();
        foreach (var name in names.All)
        {
            await foreach (var table in service.QueryAsync(t => t.Name == name))
            {
                existing.Add(table.Name);
            }
        }

        Assert.Contains(names.Learners, existing);
        Assert.Contains(names.Conversations, existing);
    }

    [Fact]
    public async Task Counter_CountsQueueAndTableRequestsApart()
    {
        var (service, names, counter) = await ServiceAsync();
        var azurite = await Azurite.GetAsync();
        var queues = ConnectooBot.Storage.Delivery.DeliveryStorageServiceCollectionExtensions.CreateQueueService(new StorageOptions { ConnectionString = azurite.ConnectionString }, counter);
        var queue = queues.GetQueueClient(new ConnectooBot.Storage.Delivery.DeliveryQueueNames(Azurite.NewTablePrefix()).Deliveries);
        await queue.CreateIfNotExistsAsync();
        await service.GetTableClient(names.Learners).CreateIfNotExistsAsync();
        var before = counter.Totals;
        counter.Reset();

        await queue.SendMessageAsync("one");
        var received = (await queue.ReceiveMessagesAsync(1)).Value[0];
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        await service.GetTableClient(names.Learners).GetEntityIfExistsAsync<TableEntity>("p", "r");

        Assert.Equal(new StorageRequestTotals(1, 3), counter.Totals - before);
        Assert.Equal(1, counter.Total); // Total and Snapshot stay the tables' (turn tests pin them)
    }

    [Fact]
    public async Task HealthCheck_AgainstAzurite_IsHealthy()
    {
        var (service, names, _) = await ServiceAsync();
        await service.GetTableClient(names.Learners).CreateIfNotExistsAsync();

        var result = await new StorageHealthCheck(service, names).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task HealthCheck_AgainstAClosedPort_IsUnhealthyQuickly()
    {
        var service = StorageServiceCollectionExtensions.CreateService(new StorageOptions
        {
            ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
        });

        var result = await new StorageHealthCheck(service, new TableNames("x")).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task Counter_CountsEachRequestByMethodAndTable()
    {
        var (service, names, counter) = await ServiceAsync();
        var table = service.GetTableClient(names.Learners);
        await table.CreateIfNotExistsAsync();
        var store = new TableLearnerStore(table);
        counter.Reset();

        await store.FindAsync(new LearnerKey("t", "u"), CancellationToken.None);

        Assert.Equal(1, counter.Total);
        Assert.Equal(1, counter.Snapshot()[$"GET {names.Learners}"]);
    }
}
