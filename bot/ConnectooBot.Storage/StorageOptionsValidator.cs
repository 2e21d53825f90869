using Microsoft.Extensions.Options;

namespace ConnectooBot.Storage;

/// <summary>Azure Tables needs either a connection string or an endpoint, not both and not neither.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Backend != StorageBackend.AzureTables)
        {
            return ValidateOptionsResult.Success;
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString == (options.TableEndpoint is not null))
        {
            return ValidateOptionsResult.Fail("Storage: set either Storage:ConnectionString (Azurite, local) or Storage:TableEndpoint (Azure, managed identity), not both.");
        }

        if (options.TableEndpoint is { } endpoint && endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback)
        {
            return ValidateOptionsResult.Fail("Storage:TableEndpoint must use https.");
        }

        return ValidateOptionsResult.Success;
    }
}
