using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.InMemory;
using ConnectooBot.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Storage.Delivery;

public static class DeliveryStorageServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IDeliveryQueue"/>, <see cref="IDeliveryInbox"/> and <see cref="IDeliveryLedger"/> on the storage account
    /// of <see cref="StorageServiceCollectionExtensions.AddStorage"/> (call that first), or in memory.
    /// </summary>
    /// <param name="retention">How long ledger rows are kept (resolved once, at first use).</param>
    public static IServiceCollection AddDeliveryStorage(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, TimeSpan> retention)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(retention);
        services.AddSingleton<IValidateOptions<StorageOptions>, DeliveryStorageOptionsValidator>();
        var backend = configuration.GetSection(StorageOptions.SectionName).GetValue<StorageBackend?>(nameof(StorageOptions.Backend)) ?? StorageBackend.AzureTables;
        if (backend == StorageBackend.InMemory)
        {
            services.AddSingleton(sp => new InMemoryDeliveryQueue(sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IDeliveryQueue>(sp => sp.GetRequiredService<InMemoryDeliveryQueue>());
            services.AddSingleton<IDeliveryInbox>(sp => sp.GetRequiredService<InMemoryDeliveryQueue>());
            services.AddSingleton<IDeliveryLedger>(sp => new InMemoryDeliveryLedger(retention(sp)));
            return services;
        }

        services.AddSingleton(sp => new DeliveryQueueNames(sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        services.AddSingleton(sp => CreateQueueService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<StorageRequestCounter>()));
        services.AddSingleton(sp =>
        {
            var service = sp.GetRequiredService<QueueServiceClient>();
            var names = sp.GetRequiredService<DeliveryQueueNames>();
            return new AzureDeliveryQueue(service.GetQueueClient(names.Deliveries), service.GetQueueClient(names.Poison), sp.GetRequiredService<ILogger<AzureDeliveryQueue>>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IDeliveryQueue>(sp => sp.GetRequiredService<AzureDeliveryQueue>());
        services.AddSingleton<IDeliveryInbox>(sp => sp.GetRequiredService<AzureDeliveryQueue>());
        services.AddSingleton<IDeliveryLedger>(sp => new TableDeliveryLedger(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<TableNames>().Deliveries),
            retention(sp)));
        services.AddHostedService<DeliveryQueueInitializer>();
        return services;
    }

    /// <summary>The queue client for the configured account: connection string (Azurite) or queue endpoint + managed identity.</summary>
    /// <param name="counter">Counts every request (retries included), as for the tables.</param>
    public static QueueServiceClient CreateQueueService(StorageOptions options, HttpPipelinePolicy? counter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (counter is not null)
        {
            clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        }

        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new QueueServiceClient(options.ConnectionString, clientOptions);
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        return new QueueServiceClient(options.QueueEndpoint!, credential, clientOptions);
    }
}
