using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Storage.Caching;
using ConnectooBot.Storage.Delivery;
using ConnectooBot.Storage.Faults;
using ConnectooBot.Storage.InMemory;
using ConnectooBot.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Every store of Learning's ports on Azure Table Storage and Queues (or in memory): learners (and activity claims), conversations, teams,
    /// schedule claims, programme insights, badges, the Viva Learning sync state, the delivery queue and ledger; the table initializer and the readiness check. The only
    /// place that builds Azure SDK clients. An <see cref="IBadgeStore"/> registered before this call wins. In Development,
    /// <c>Storage:Faults</c> can inject faults for tests (<see cref="StorageFaultOptions"/>; refused elsewhere).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<LearnerUpdater>();
        services.AddSingleton<TeamUpdater>();
        services.AddSingleton<StorageRequestCounter>();
        services.AddSingleton<IStorageRequestCounts>(sp => sp.GetRequiredService<StorageRequestCounter>());
        var backend = configuration.GetSection(StorageOptions.SectionName).GetValue<StorageBackend?>(nameof(StorageOptions.Backend)) ?? StorageBackend.AzureTables;
        if (backend == StorageBackend.InMemory)
        {
            services.AddSingleton<InMemoryActivityClaims>();
            services.AddSingleton<IActivityClaims>(sp => sp.GetRequiredService<InMemoryActivityClaims>());
            services.AddSingleton<ILearnerStore, InMemoryLearnerStore>();
            services.AddSingleton<IConversationStore, InMemoryConversationStore>();
            services.AddSingleton<ITeamStore, InMemoryTeamStore>();
            services.AddSingleton<IScheduleClaims, InMemoryScheduleClaims>();
            services.AddSingleton<IInsightsStore, InMemoryInsightsStore>();
            services.TryAddSingleton<IBadgeStore, InMemoryBadgeStore>();
            services.AddSingleton<IVivaSyncStore, InMemoryVivaSyncStore>();
            return services.AddDeliveryStorage(configuration, _ => LedgerRetention(configuration)).AddStorageFaults(configuration);
        }

        services.AddSingleton(sp => new TableNames(sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        services.AddSingleton(sp => CreateService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<StorageRequestCounter>()));
        services.AddSingleton<ILearnerStore>(sp =>
        {
            var table = new TableLearnerStore(Table(sp, n => n.Learners));
            var size = sp.GetRequiredService<IOptions<StorageOptions>>().Value.LearnerCacheSize;
            return size == 0 ? table : new CachedLearnerStore(table, size, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IActivityClaims>(sp => new TableActivityClaims(Table(sp, n => n.Learners)));
        services.AddSingleton<IConversationStore>(sp => new TableConversationStore(Table(sp, n => n.Conversations)));
        services.AddSingleton<ITeamStore>(sp => new TableTeamStore(Table(sp, n => n.Teams)));
        services.AddSingleton<IScheduleClaims>(sp => new TableScheduleClaims(Table(sp, n => n.Claims)));
        services.AddSingleton<IInsightsStore>(sp => new TableInsightsStore(Table(sp, n => n.Insights)));
        services.TryAddSingleton<IBadgeStore>(sp => new TableBadgeStore(Table(sp, n => n.Badges)));
        services.AddSingleton<IVivaSyncStore>(sp => new TableVivaSyncStore(Table(sp, n => n.Viva)));
        services.AddHostedService<StorageInitializer>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return services.AddDeliveryStorage(configuration, _ => LedgerRetention(configuration)).AddStorageFaults(configuration);
    }

    /// <summary>How long delivery ledger rows are kept: <c>Delivery:LedgerRetention</c>, else <see cref="DeliveryLedgerDefaults.Retention"/>.</summary>
    private static TimeSpan LedgerRetention(IConfiguration configuration) =>
        configuration.GetSection("Delivery").GetValue<TimeSpan?>("LedgerRetention") ?? DeliveryLedgerDefaults.Retention;

    /// <summary>The client for the configured account: connection string (Azurite) or endpoint + managed identity.</summary>
    public static TableServiceClient CreateService(StorageOptions options, HttpPipelinePolicy? counter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        if (counter is not null)
        {
            clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        return new TableServiceClient(options.TableEndpoint!, credential, clientOptions);
    }

    private static TableClient Table(IServiceProvider services, Func<TableNames, string> name) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(name(services.GetRequiredService<TableNames>()));
}
