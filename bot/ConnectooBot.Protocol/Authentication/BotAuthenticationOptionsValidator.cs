using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Authentication;

/// <summary>Production must authenticate: no app id there stops the host at start-up. Metadata must come over https (loopback excepted).</summary>
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

        return ValidateOptionsResult.Success;
    }
}
