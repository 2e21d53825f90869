using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Learners in Azure Table Storage: PartitionKey = tenant, RowKey = Entra object id; the learner record as JSON
/// (chunked), plus <c>Language</c> and <c>LastActive</c> columns for reports. Writes present the ETag they read.
/// </summary>
public sealed class TableLearnerStore(TableClient table) : ILearnerStore
{
    public const int SchemaVersion = 1;

    public async Task<Versioned<Learner>?> FindAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Id(key.TenantId), TableKeys.Id(key.UserId), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var learner = JsonSerializer.Deserialize(ChunkedText.Read(entity, "State"), StorageJsonContext.Default.Learner)
            ?? throw new InvalidDataException($"The stored learner {key} is empty.");
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

    public async Task DeleteAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        await table.DeleteEntityAsync(TableKeys.Id(key.TenantId), TableKeys.Id(key.UserId), ETag.All, cancellationToken);
    }

    public async IAsyncEnumerable<Learner> ListAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = TableKeys.Id(tenantId);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (JsonSerializer.Deserialize(ChunkedText.Read(entity, "State"), StorageJsonContext.Default.Learner) is { } learner)
            {
                yield return learner;
            }
        }
    }

    public async IAsyncEnumerable<Learner> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (JsonSerializer.Deserialize(ChunkedText.Read(entity, "State"), StorageJsonContext.Default.Learner) is { } learner)
            {
                yield return learner;
            }
        }
    }

    private static TableEntity ToEntity(Learner learner)
    {
        var entity = new TableEntity(TableKeys.Id(learner.Key.TenantId), TableKeys.Id(learner.Key.UserId))
        {
            ["SchemaVersion"] = SchemaVersion,
            ["Language"] = learner.Language,
            ["LastActive"] = learner.LastActive,
        };
        ChunkedText.Write(entity, "State", JsonSerializer.Serialize(learner, StorageJsonContext.Default.Learner));
        return entity;
    }
}
