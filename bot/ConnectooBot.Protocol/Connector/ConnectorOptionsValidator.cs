using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Connector;

/// <summary>Start-up checks of <see cref="ConnectorOptions"/>; Production can never allow loopback serviceUrls.</summary>
public sealed class ConnectorOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.AllowLoopbackServiceUrls == true && environment?.IsProduction() == true)
        {
            failures.Add("Bot:Connector:AllowLoopbackServiceUrls must not be true in Production.");
        }

        foreach (var host in options.AllowedServiceHosts ?? [])
        {
            if (!ServiceHostPattern.IsValid(host))
            {
                failures.Add($"Bot:Connector:AllowedServiceHosts has an invalid entry '{host}' (a host name, or *.domain).");
            }
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Bot:Connector:MaxRetries must be between 0 and 10.");
        }

        if (options.BaseRetryDelay <= TimeSpan.Zero || options.BaseRetryDelay > options.MaxRetryDelay)
        {
            failures.Add("Bot:Connector:BaseRetryDelay must be positive and at most MaxRetryDelay.");
        }

        if (options.MaxRetryDelay > TimeSpan.FromMinutes(10))
        {
            failures.Add("Bot:Connector:MaxRetryDelay must be at most 10 minutes; longer waits belong to a queue.");
        }

        if (options.Timeout < TimeSpan.FromMilliseconds(10) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Bot:Connector:Timeout must be between 10 ms and 5 minutes.");
        }

        if (string.IsNullOrWhiteSpace(options.Scope))
        {
            failures.Add("Bot:Connector:Scope is required.");
        }

        if (options.AuthorityHost is not { IsAbsoluteUri: true } || options.AuthorityHost.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("Bot:Connector:AuthorityHost must be an absolute https URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
