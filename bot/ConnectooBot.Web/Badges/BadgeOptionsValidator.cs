using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// Checks at start-up: an absolute base address (https outside Development), and a usable signing key — configured
/// and readable; outside Development a missing key stops the host.
/// </summary>
internal sealed class BadgeOptionsValidator(IHostEnvironment environment) : IValidateOptions<BadgeOptions>
{
    public ValidateOptionsResult Validate(string? name, BadgeOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl)
            || baseUrl.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(baseUrl.Query)
            || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            failures.Add("Badges:PublicBaseUrl must be an absolute http(s) address without query or fragment, e.g. https://connectoo.example.be.");
        }
        else if (baseUrl.Scheme == "http" && !environment.IsDevelopment() && !baseUrl.IsLoopback)
        {
            failures.Add("Badges:PublicBaseUrl must use https outside Development: verifiers fetch the issuer's key from it.");
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            if (BadgeSigningKey.Describe(options.SigningKeyPem) is { } problem)
            {
                failures.Add("Badges:SigningKeyPem: " + problem);
            }
        }
        else if (!environment.IsDevelopment())
        {
            failures.Add("Badges:SigningKeyPem is required outside Development (an EC P-256 or RSA PKCS#8 PEM, from Key Vault in Azure).");
        }
        else if (string.IsNullOrWhiteSpace(options.DevelopmentKeyPath))
        {
            failures.Add("Badges:DevelopmentKeyPath is required when no Badges:SigningKeyPem is configured.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
