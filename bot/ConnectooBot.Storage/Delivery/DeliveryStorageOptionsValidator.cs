using Microsoft.Extensions.Options;

namespace ConnectooBot.Storage.Delivery;

/// <summary>With a managed identity (no connection string), the delivery queues need <c>Storage:QueueEndpoint</c>.</summary>
internal sealed class DeliveryStorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Backend != StorageBackend.AzureTables || !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }

        if (options.QueueEndpoint is not { } endpoint)
        {
            return ValidateOptionsResult.Fail("Storage:QueueEndpoint is required for the delivery queues when Storage:TableEndpoint (managed identity) is used.");
        }

        return endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback
            ? ValidateOptionsResult.Fail("Storage:QueueEndpoint must use https.")
            : ValidateOptionsResult.Success;
    }
}
