using ConnectooBot.Storage.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The delivery pipeline: <see cref="Learning.Ports.IDeliveryQueue"/> and <see cref="Learning.Ports.IDeliveryLedger"/>
    /// for producers (Azure Storage or in memory, after <c>AddStorage</c>), the worker, the ledger purge, metrics,
    /// and the operator endpoint's options. <see cref="DeliveryOptions"/> (<c>Delivery</c>) and <see cref="OpsOptions"/>
    /// (<c>Ops</c>) are validated at start.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddOptions<OpsOptions>().Bind(configuration.GetSection(OpsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddDeliveryStorage(configuration, sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.LedgerRetention);
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<TenantGate>();
        services.AddSingleton<DeliveryProcessor>();
        services.AddHostedService<DeliveryWorker>();
        services.AddHostedService<DeliveryLedgerPurger>();
        return services;
    }
}
