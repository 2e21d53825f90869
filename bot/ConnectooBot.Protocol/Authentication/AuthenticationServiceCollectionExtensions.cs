using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Authentication;

public static class AuthenticationServiceCollectionExtensions
{
    internal const string MetadataClient = "ConnectooBot.OpenIdMetadata";

    /// <summary>
    /// Inbound authentication: JWT validation when <c>Bot:AppId</c> is set; none when it is empty, which only a
    /// non-Production environment accepts (the host refuses to start otherwise).
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration.GetSection(BotAuthenticationOptions.SectionName))
            .Configure(o => o.AppId = configuration["Bot:AppId"])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddHttpClient(MetadataClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(sp => new SigningKeys(
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataClient),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBotRequestAuthenticator>(sp =>
        {
            if (!string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.AppId))
            {
                return ActivatorUtilities.CreateInstance<JwtBotRequestAuthenticator>(sp);
            }

            Log.AuthenticationOff(sp.GetRequiredService<ILoggerFactory>().CreateLogger<DisabledBotRequestAuthenticator>());
            return new DisabledBotRequestAuthenticator();
        });
        return services;
    }
}
