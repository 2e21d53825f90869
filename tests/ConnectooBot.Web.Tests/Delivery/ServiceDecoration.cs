using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Delivery;

internal static class ServiceDecoration
{
    /// <summary>Replaces the last registration of <typeparamref name="T"/> (a singleton) with a wrapper around it.</summary>
    public static void Decorate<T>(this IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.AddSingleton(sp => wrap((T)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
    }
}
