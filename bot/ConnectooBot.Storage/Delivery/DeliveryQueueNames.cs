namespace ConnectooBot.Storage.Delivery;

/// <summary>The queues, named from <see cref="StorageOptions.TablePrefix"/> in lowercase (queue names allow no capitals).</summary>
public sealed class DeliveryQueueNames(string prefix)
{
    public string Deliveries { get; } = prefix.ToLowerInvariant() + "-deliveries";

    public string Poison { get; } = prefix.ToLowerInvariant() + "-deliveries-poison";
}
