using Azure.Data.Tables;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage;
using ConnectooBot.Storage.Delivery;
using ConnectooBot.Storage.Tables;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectooBot.Benchmarks;

/// <summary>The bot's queue and ledger on the benchmark's Azurite (BENCH_STORAGE connection string, BENCH_PREFIX).</summary>
internal static class BenchmarkStorage
{
    public static string Prefix => Environment.GetEnvironmentVariable("BENCH_PREFIX") ?? throw new InvalidOperationException("BENCH_PREFIX is not set.");

    public static async Task<(IDeliveryQueue Queue, IDeliveryLedger Ledger, IConversationStore Conversations)> OpenAsync()
    {
        var options = new StorageOptions
        {
            ConnectionString = Environment.GetEnvironmentVariable("BENCH_STORAGE") ?? throw new InvalidOperationException("BENCH_STORAGE is not set."),
            TablePrefix = Prefix,
        };
        var names = new DeliveryQueueNames(options.TablePrefix);
        var queues = DeliveryStorageServiceCollectionExtensions.CreateQueueService(options);
        var deliveries = queues.GetQueueClient(names.Deliveries);
        var poison = queues.GetQueueClient(names.Poison);
        await deliveries.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();
        var tables = new TableServiceClient(options.ConnectionString);
        var table = tables.GetTableClient(new TableNames(options.TablePrefix).Deliveries);
        await table.CreateIfNotExistsAsync();
        var chats = tables.GetTableClient(new TableNames(options.TablePrefix).Conversations);
        await chats.CreateIfNotExistsAsync();
        return (new AzureDeliveryQueue(deliveries, poison, NullLogger<AzureDeliveryQueue>.Instance), new TableDeliveryLedger(table, TimeSpan.FromDays(1)), new TableConversationStore(chats));
    }
}
