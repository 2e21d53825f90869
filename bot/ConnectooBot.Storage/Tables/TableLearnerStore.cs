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
/// Brotli-compressed (<see cref="CompressedText"/>), plus <c>Language</c> and <c>LastActive</c> columns for reports. Writes present the ETag they read. The same
/// partitions hold activity claims (<see cref="ActivityClaimRows"/>), which the listings skip.
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
        return new Versioned<Learner>(learner, entity.ETag.ToString());
    }

    public async Task<string> InsertAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(learner), cancellationToken);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new ConcurrencyConflictException($"The learner {learner.Key} already exists.", ex);
        }
    }

    public async Task<string> ReplaceAsync(Learner learner, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(learner), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException($"The learner {learner.Key} changed since it was read.", ex);
        }
    }

    public Task<string> InsertAsync(Learner learner, ActivityClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return SubmitWithClaimAsync(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(learner)), learner.Key, claim, cancellationToken);
    }

    public Task<string> ReplaceAsync(Learner learner, string etag, ActivityClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return SubmitWithClaimAsync(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(learner), new ETag(etag)), learner.Key, claim, cancellationToken);
    }

    /// <summary>The learner's write and the claim's insert as one entity-group transaction (same table, same partition).</summary>
    private async Task<string> SubmitWithClaimAsync(TableTransactionAction write, LearnerKey key, ActivityClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var claimRow = ActivityClaimRows.ToEntity(claim);
        if (claimRow.PartitionKey != write.Entity.PartitionKey)
        {
            throw new ArgumentException($"The claim of {claim.Key.ActivityId} is not in the partition of the learner {key}.", nameof(claim));
        }

        try
        {
            var response = await table.SubmitTransactionAsync([write, new TableTransactionAction(TableTransactionActionType.Add, claimRow)], cancellationToken);
            return response.Value[0].Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 1 && ex.Status == 409)
        {
            throw new ActivityClaimedException($"The activity {claim.Key.ActivityId} is already claimed.", ex);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException($"The learner {key} changed since it was read.", ex);
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
    /// what <see cref="Caching.CachedLearnerStore"/> serves from memory.
    /// </summary>
    public static Learner AsStored(Learner learner) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(learner, StorageJsonContext.Default.Learner), StorageJsonContext.Default.Learner)!.Compacted();

    private static TableEntity ToEntity(Learner learner)
    {
        var entity = new TableEntity(TableKeys.Id(learner.Key.TenantId), TableKeys.Id(learner.Key.UserId))
        {
            ["SchemaVersion"] = SchemaVersion,
            ["Language"] = learner.Language,
            ["LastActive"] = learner.LastActive,
        };
        CompressedText.Write(entity, "State", JsonSerializer.Serialize(learner, StorageJsonContext.Default.Learner));
        return entity;
    }
}
