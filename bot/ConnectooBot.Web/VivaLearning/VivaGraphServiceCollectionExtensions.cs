using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace ConnectooBot.Web.VivaLearning;

/// <summary>
/// The one place in Web that touches the Azure SDK besides the telemetry exporter: the Graph client authenticates
/// with the bot's managed identity (<see cref="ManagedIdentityCredential"/>: system-assigned, or user-assigned with
/// <c>VivaLearning:ManagedIdentityClientId</c>). The credential is a keyed service (<see cref="CredentialKey"/>), so a
/// test registers a fake one after the feature. The SDK's default middleware is kept, with its retry handler set to
/// <see cref="VivaLearningOptions.MaxRetries"/> (it honours Retry-After on 429, 503 and 504).
/// </summary>
internal static class VivaGraphServiceCollectionExtensions
{
    public const string CredentialKey = "VivaLearning";

    /// <summary>Graph's scope for an application token (the permissions are the app roles granted to the identity).</summary>
    public const string Scope = "https://graph.microsoft.com/.default";

    public static IServiceCollection AddVivaGraphClient(this IServiceCollection services)
    {
        services.AddKeyedSingleton<TokenCredential>(CredentialKey, (sp, _) =>
            sp.GetRequiredService<IOptions<VivaLearningOptions>>().Value.ManagedIdentityClientId is { Length: > 0 } clientId
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned));
        services.AddSingleton(sp => Create(
            sp.GetRequiredService<IOptions<VivaLearningOptions>>().Value,
            sp.GetRequiredKeyedService<TokenCredential>(CredentialKey)));
        return services;
    }

    private static GraphServiceClient Create(VivaLearningOptions options, TokenCredential credential)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
            {
                handlers[i] = new RetryHandler(new RetryHandlerOption { MaxRetry = options.MaxRetries });
            }
        }

        var http = GraphClientFactory.Create(handlers, finalHandler: new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        http.Timeout = options.RequestTimeout;
        var baseUrl = options.GraphBaseUrl.ToString().TrimEnd('/');
        var authentication = new AzureIdentityAuthenticationProvider(credential, [options.GraphBaseUrl.Host], null, false, [Scope]);
        return new GraphServiceClient(http, authentication, baseUrl);
    }
}
