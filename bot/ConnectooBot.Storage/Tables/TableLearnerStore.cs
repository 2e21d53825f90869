using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Learners in Azure Table Storage: PartitionKey = tenant, RowKey = Entra object id; the learner record as JSON,
/// Brotli-compressed (<see cref="CompressedText"/>), plus <c>Language</c> and <c>LastActive</c> columns for reports, and the
/// activity claims of the learner's recent turns (<see cref="RecentClaims"/>) as JSON in <c>Claims</c>. Writes present
/// the ETag they read: a turn is one plain conditional write. The same partitions hold the claim rows of turns without
/// a learner (<see cref="ActivityClaimRows"/>), which the listings skip.
/// </summary>
public sealed class TableLearnerStore(TableClient table) : ILearnerStore
{
    /// <summary>
    /// 3: the record's JSON Brotli-compressed in <c>StateBr</c> (2: as text in <c>State</c>…; both read). 2: a module keeps
    /// its last quiz attempt in full and folds the earlier ones (1: every attempt kept).
    /// </summary>
    public const int SchemaVersion = 3;

    public async Task<Versioned<Learner>?> FindAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Id(key.TenantId), TableKeys.Id(key.UserId), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var learner = Read(entity) ?? throw new InvalidDataException($"The stored learner {key} is empty.");
        return new Versioned<Learner>(learner, entity.ETag.ToString()) { Claims = ReadClaims(entity) };
    }

    public async Task<string> InsertAsync(Learner learner, RecentClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(learner, claims), cancellationToken);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new ConcurrencyConflictException($"The learner {learner.Key} already exists.", ex);
        }
    }

    public async Task<string> ReplaceAsync(Learner learner, string etag, RecentClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(learner, claims), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException($"The learner {learner.Key} changed since it was read.", ex);
        }
    }

    public async Task DeleteAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        await table.DeleteEntityAsync(TableKeys.Id(key.TenantId), TableKeys.Id(key.UserId), ETag.All, cancellationToken);
    }

    public async IAsyncEnumerable<Learner> ListAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = TableKeys.Id(tenantId);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {ActivityClaimRows.FirstLearnerKey}"), cancellationToken: cancellationToken))
        {
            if (Read(entity) is { } learner)
            {
                yield return learner;
            }
        }
    }

    public async IAsyncEnumerable<Learner> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {ActivityClaimRows.FirstLearnerKey}"), cancellationToken: cancellationToken))
        {
            if (Read(entity) is { } learner)
            {
                yield return learner;
            }
        }
    }

    /// <summary>
    /// The stored record; a row of schema 1 (every quiz attempt kept) is compacted on read (earlier attempts folded),
    /// and written back in the current shape by the learner's next change.
    /// </summary>
    private static Learner? Read(TableEntity entity) =>
        JsonSerializer.Deserialize(CompressedText.Read(entity, "State") ?? string.Empty, StorageJsonContext.Default.Learner)?.Compacted();

    /// <summary>
    /// The learner exactly as a read would return it after writing it (times to the millisecond, as the row keeps them):
    /// tests compare <see cref="Caching.CachedLearnerStore"/>'s copies with storage through it.
    /// </summary>
    public static Learner AsStored(Learner learner) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(learner, StorageJsonContext.Default.Learner), StorageJsonContext.Default.Learner)!.Compacted();

    /// <summary>The activity claims the row holds (<c>Claims</c>, compressed when long; rows written before it have none).</summary>
    private static RecentClaims ReadClaims(TableEntity entity) =>
        CompressedText.Read(entity, "Claims") is { } json && JsonSerializer.Deserialize(json, StorageJsonContext.Default.HeldClaimArray) is { Length: > 0 } entries
            ? new RecentClaims(entries)
            : RecentClaims.None;

    private static TableEntity ToEntity(Learner learner, RecentClaims claims)
    {
        var entity = new TableEntity(TableKeys.Id(learner.Key.TenantId), TableKeys.Id(learner.Key.UserId))
        {
            ["SchemaVersion"] = SchemaVersion,
            ["Language"] = learner.Language,
            ["LastActive"] = learner.LastActive,
        };
        CompressedText.Write(entity, "State", JsonSerializer.Serialize(learner, StorageJsonContext.Default.Learner));
        if (claims is { IsEmpty: false })
        {
            CompressedText.Write(entity, "Claims", JsonSerializer.Serialize([.. claims.Entries], StorageJsonContext.Default.HeldClaimArray));
        }

        return entity;
    }
}
