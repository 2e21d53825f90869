using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// Cross-field rules of the bot credentials, checked at start-up: what each <see cref="BotAppType"/> needs, and no
/// anonymous bot in Production.
/// </summary>
public sealed class BotCredentialOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<BotCredentialOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsAuthenticationEnabled)
        {
            return environment?.IsProduction() == true
                ? ValidateOptionsResult.Fail("Bot:AppId is required in Production: without it no outbound call is authenticated.")
                : ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var hasSecret = !string.IsNullOrWhiteSpace(options.ClientSecret);
        var hasCertificate = !string.IsNullOrWhiteSpace(options.CertificatePath);
        switch (options.AppType)
        {
            case null:
                failures.Add("Bot:AppType is required with Bot:AppId (SingleTenant, MultiTenant or UserAssignedMSI).");
                break;
            case BotAppType.SingleTenant or BotAppType.MultiTenant:
                if (options.AppType == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.TenantId))
                {
                    failures.Add("Bot:TenantId (the app's home tenant) is required for a SingleTenant bot.");
                }

                if (hasSecret == hasCertificate)
                {
                    failures.Add($"A {options.AppType} bot needs exactly one of Bot:ClientSecret and Bot:CertificatePath.");
                }

                break;
            case BotAppType.UserAssignedMSI:
                if (hasSecret || hasCertificate)
                {
                    failures.Add("A UserAssignedMSI bot uses no secret or certificate; remove Bot:ClientSecret and Bot:CertificatePath.");
                }

                break;
            default:
                failures.Add($"Bot:AppType '{options.AppType}' is not supported.");
                break;
        }

        if (hasCertificate && !File.Exists(options.CertificatePath))
        {
            failures.Add("Bot:CertificatePath does not name an existing file.");
        }

        if (!hasCertificate && !string.IsNullOrEmpty(options.CertificatePassword))
        {
            failures.Add("Bot:CertificatePassword is set without Bot:CertificatePath.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
