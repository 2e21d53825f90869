using ConnectooBot.Protocol.Authentication;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectooBot.Protocol.Hosting;

public static class ProtocolServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework protocol: inbound authentication, the connector client, the endpoint and the turn pipeline.
    /// The host adds its <see cref="ITurnHandler"/> and any <see cref="ITurnMiddleware"/>.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotEndpointOptions>()
            .Bind(configuration.GetSection(BotEndpointOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddBotAuthentication(configuration);
        services.AddBotConnector(configuration);
        services.TryAddSingleton<ActivityDeduplicator>();
        services.TryAddSingleton<TurnPipeline>();
        services.TryAddSingleton<BotRequestProcessor>();
        return services;
    }
}
