using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ConnectooBot.Protocol.Authentication;

/// <summary>
/// Production must authenticate: no app id there stops the host at start-up. Metadata must come over https (loopback
/// excepted). The key refresh intervals respect IdentityModel's own floors (<see cref="ConfigurationManager{T}"/>'s
/// minimum automatic and minimum on-demand refresh intervals), read from the library rather than copied.
/// </summary>
internal sealed class BotAuthenticationOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AppId) && environment.IsProduction())
        {
            return ValidateOptionsResult.Fail("Bot:AppId is required in Production: without it inbound requests would not be authenticated.");
        }

        if (options.OpenIdMetadataUrl.Scheme != Uri.UriSchemeHttps && !options.OpenIdMetadataUrl.IsLoopback)
        {
            return ValidateOptionsResult.Fail("Bot:Authentication:OpenIdMetadataUrl must use https.");
        }

        var minimumRefresh = ConfigurationManager<OpenIdConnectConfiguration>.MinimumAutomaticRefreshInterval;
        if (options.KeyRefreshInterval < minimumRefresh)
        {
            return ValidateOptionsResult.Fail($"Bot:Authentication:KeyRefreshInterval must be at least {minimumRefresh:c} (IdentityModel's minimum automatic refresh interval).");
        }

        var minimumRefetch = ConfigurationManager<OpenIdConnectConfiguration>.MinimumRefreshInterval;
        if (options.UnknownKeyRefetchInterval < minimumRefetch)
        {
            return ValidateOptionsResult.Fail($"Bot:Authentication:UnknownKeyRefetchInterval must be at least {minimumRefetch:c} (IdentityModel's minimum refresh interval): without it, forged key ids could make the bot fetch the keys on every request.");
        }

        return ValidateOptionsResult.Success;
    }
}
