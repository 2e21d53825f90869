using ConnectooBot.Learning.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Storage.Faults;

/// <summary>
/// Binds and validates <see cref="StorageFaultOptions"/> (always, so a fault configured outside Development stops the
/// host) and, only when a fault is configured, wraps the stores it names.
/// </summary>
internal static class StorageFaultsRegistration
{
    public static IServiceCollection AddStorageFaults(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageFaultOptions.SectionName);
        services.AddOptions<StorageFaultOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageFaultOptions>, StorageFaultOptionsValidator>();
        var configured = section.Get<StorageFaultOptions>() ?? new StorageFaultOptions();
        if (configured.HasBadgeStoreFaults)
        {
            Wrap<IBadgeStore>(services, (sp, inner) => new FaultInjectingBadgeStore(
                inner, Options(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FaultInjectingBadgeStore>>()));
        }

        if (configured.HasScheduleFaults)
        {
            Wrap<IScheduleClaims>(services, (sp, inner) => new FaultInjectingScheduleClaims(
                inner, Options(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FaultInjectingScheduleClaims>>()));
        }

        return services;
    }

    private static StorageFaultOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StorageFaultOptions>>().Value;

    /// <summary>Replaces the last registration of <typeparamref name="T"/> with <paramref name="wrap"/> around it.</summary>
    private static void Wrap<T>(IServiceCollection services, Func<IServiceProvider, T, T> wrap)
        where T : class
    {
        var inner = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(inner);
        services.AddSingleton(sp => wrap(sp, (T)(inner.ImplementationInstance
            ?? inner.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!))));
    }
}
