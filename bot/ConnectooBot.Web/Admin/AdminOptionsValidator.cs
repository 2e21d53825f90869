using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// Checks <c>Admin</c> at start: an Entra registration that is half there, multi-tenant, or without a credential to
/// redeem the sign-in code would fail at the first sign-in, so the host refuses to start instead.
/// </summary>
internal sealed class AdminOptionsValidator(IHostEnvironment environment) : IValidateOptions<AdminOptions>
{
    /// <summary>Microsoft.Identity.Web credential sources the deployment guide describes (no secret in configuration).</summary>
    public static readonly string[] CredentialSources = ["SignedAssertionFromManagedIdentity", "KeyVault"];

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!environment.IsDevelopment() && !string.IsNullOrWhiteSpace(options.DevelopmentTenantId))
        {
            failures.Add("Admin:DevelopmentTenantId is for the development sign-in and is refused outside Development.");
        }

        var entra = options.Entra;
        if (entra.IsConfigured)
        {
            CheckEntra(entra, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEntra(AdminOptions.EntraSettings entra, List<string> failures)
    {
        if (!Guid.TryParse(entra.TenantId, out _))
        {
            failures.Add("Admin:Entra:TenantId must be the tenant's id (a GUID): the dashboard is single-tenant, never 'common' or 'organizations'.");
        }

        if (!Guid.TryParse(entra.ClientId, out _))
        {
            failures.Add("Admin:Entra:ClientId must be the dashboard app registration's client id (a GUID).");
        }

        if (!Uri.TryCreate(entra.Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("Admin:Entra:Instance must be an absolute https address (https://login.microsoftonline.com/).");
        }

        if (!entra.CallbackPath.StartsWith(AdminPaths.Root + "/", StringComparison.Ordinal))
        {
            failures.Add($"Admin:Entra:CallbackPath must lie under {AdminPaths.Root}/ (the sign-in cookie's path), e.g. {AdminPaths.SignInCallback}.");
        }

        if (entra.ClientCredentials.Count == 0)
        {
            failures.Add("Admin:Entra:ClientCredentials needs one credential to redeem the sign-in code: SourceType SignedAssertionFromManagedIdentity (the bot's managed identity, federated) or KeyVault (a certificate).");
        }

        foreach (var credential in entra.ClientCredentials)
        {
            if (!CredentialSources.Contains(credential.SourceType, StringComparer.Ordinal))
            {
                failures.Add($"Admin:Entra:ClientCredentials: SourceType '{credential.SourceType}' is not accepted; use {string.Join(" or ", CredentialSources)} (no client secret in configuration).");
            }
            else if (credential.SourceType == "KeyVault" && (string.IsNullOrWhiteSpace(credential.KeyVaultUrl) || string.IsNullOrWhiteSpace(credential.KeyVaultCertificateName)))
            {
                failures.Add("Admin:Entra:ClientCredentials: a KeyVault credential needs KeyVaultUrl and KeyVaultCertificateName.");
            }
        }
    }
}
