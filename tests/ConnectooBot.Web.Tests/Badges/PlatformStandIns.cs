using System.Reflection;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Authentication;
using ConnectooBot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectooBot.Web.Tests.Badges;

/// <summary>
/// Stand-ins for platform services that other parts of the app register (authentication, connector, learner and
/// conversation stores), added only where nothing is registered, so the host can start for the badge tests. Badge
/// tests never call them (each call throws); once the real registrations exist, those are used instead.
/// </summary>
internal static class PlatformStandIns
{
    public static void AddMissing(IServiceCollection services)
    {
        services.TryAddSingleton(Unused<IBotRequestAuthenticator>());
        services.TryAddSingleton(Unused<IConnectorClient>());
        services.TryAddSingleton(Unused<ILearnerStore>());
        services.TryAddSingleton(Unused<IConversationStore>());
        services.TryAddSingleton<LearnerUpdater>();
    }

    private static T Unused<T>()
        where T : class => DispatchProxy.Create<T, UnusedProxy>();

    public class UnusedProxy : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new NotSupportedException($"{targetMethod?.DeclaringType?.Name}.{targetMethod?.Name} is not part of the badge tests.");
    }
}
