using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Storage;

public enum StorageBackend
{
    AzureTables,
    InMemory,
}

/// <summary>
/// Where state lives (section <c>Storage</c>): a connection string (Azurite, or an account key — avoid in Azure), or a
/// table endpoint reached with a managed identity (no secret).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageBackend Backend { get; set; } = StorageBackend.AzureTables;

    public string? ConnectionString { get; set; }

    /// <summary>e.g. <c>https://account.table.core.windows.net</c>; used with managed identity.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>e.g. <c>https://account.queue.core.windows.net</c>; used with managed identity.</summary>
    public Uri? QueueEndpoint { get; set; }

    /// <summary>The user-assigned managed identity's client id; empty uses the default Azure credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix of every table name (letters and digits), so several deployments or test runs can share an account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    public string TablePrefix { get; set; } = "connectoo";

    /// <summary>
    /// How many learners each instance keeps in memory between turns (<see cref="Caching.CachedLearnerStore"/>), so a
    /// course turn is one storage request instead of two; 0 turns it off. Azure Tables only.
    /// </summary>
    [Range(0, 100_000)]
    public int LearnerCacheSize { get; set; } = 1_000;
}
