using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ConnectooBot.Protocol.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// The outbound connector: <see cref="IConnectorClient"/> as a typed HttpClient whose pipeline is
    /// retry → per-attempt timeout → host allow-list + bearer token → network (no redirects followed);
    /// <see cref="ConnectorOptions"/> (<c>Bot:Connector</c>) and <see cref="BotCredentialOptions"/> (<c>Bot</c>)
    /// validated at start; one <see cref="IBotAccessTokenProvider"/> per process (MSAL, or none without an app id).
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.SectionName))
            .ValidateOnStart();
        services.AddOptions<BotCredentialOptions>()
            .Bind(configuration.GetSection(BotCredentialOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotCredentialOptions>, BotCredentialOptionsValidator>());

        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.TryAddSingleton<IBotAccessTokenProvider>(provider =>
            provider.GetRequiredService<IOptions<BotCredentialOptions>>().Value.IsAuthenticationEnabled
                ? ActivatorUtilities.CreateInstance<MsalBotAccessTokenProvider>(provider)
                : new AnonymousBotAccessTokenProvider());

        services.TryAddSingleton<ConnectorHostPolicy>();
        services.TryAddTransient<ConnectorAuthorizationHandler>();

        // Handlers run in the order added: the resilience pipeline (outer) re-runs the authorisation handler (inner)
        // on every attempt. The whole call is bounded by the attempt timeout and the retry delays, not HttpClient.Timeout.
        var client = services.AddHttpClient<IConnectorClient, ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect could carry the request (and its token) to a host the allow-list never saw.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        client.AddResilienceHandler(ConnectorRetryStrategy.PipelineName, ConnectorRetryStrategy.Configure);
        client.AddHttpMessageHandler<ConnectorAuthorizationHandler>();
        return services;
    }
}
