using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Delivery;

/// <summary>
/// Proactive messages at Teams' pace: producers hand runs to the <see cref="ProactiveOutbox"/>; the worker sends them
/// through the per-tenant gate, records each outcome in the ledger (queue and ledger come from <c>AddStorage</c>), and
/// the operators read the ledger at <c>/ops/deliveries</c>.
/// </summary>
public static class DeliveryFeature
{
    /// <summary><see cref="DeliveryOptions"/> (<c>Delivery</c>) and <see cref="OpsOptions"/> (<c>Ops</c>) are validated at start.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddOptions<OpsOptions>().Bind(configuration.GetSection(OpsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ProactiveOutbox>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<TenantGate>();
        services.AddSingleton<DeliveryProcessor>();
        services.AddHostedService<DeliveryWorker>();
        services.AddHostedService<DeliveryLedgerPurger>();
        return services;
    }

    /// <summary>The operators' view of the ledger, behind the ops key.</summary>
    public static IEndpointRouteBuilder MapDelivery(this IEndpointRouteBuilder endpoints) => endpoints.MapDeliveryEndpoints();
}
