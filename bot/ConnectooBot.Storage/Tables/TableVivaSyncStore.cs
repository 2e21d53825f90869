using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Viva;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// The Viva Learning sync state in one table. Contents: PartitionKey <c>content</c>, RowKey = encoded module and
/// language. A learner's activities: PartitionKey <c>a-{tenant}-{user}</c> (one partition per learner, read in one
/// query), RowKey = encoded module id, versioned by the row's ETag. Erasures still owed: PartitionKey <c>erase</c>,
/// RowKey = encoded learner key (one small partition the worker lists).
/// </summary>
public sealed class TableVivaSyncStore(TableClient table) : IVivaSyncStore
{
    private const string ContentPartition = "content";
    private const string ErasurePartition = "erase";

    public async Task<IReadOnlyList<VivaContent>> ListContentsAsync(CancellationToken cancellationToken)
    {
        var list = new List<VivaContent>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == ContentPartition, cancellationToken: cancellationToken))
        {
            list.Add(new VivaContent(row.GetString("ModuleId"), row.GetString("Language"), row.GetString("ExternalId"), row.GetString("GraphId")));
        }

        return [.. list.OrderBy(c => c.ModuleId, StringComparer.Ordinal).ThenBy(c => c.Language, StringComparer.Ordinal)];
    }

    public async Task SaveContentAsync(VivaContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var row = new TableEntity(ContentPartition, TableKeys.Encode($"{content.ModuleId}/{content.Language}"))
        {
            ["ModuleId"] = content.ModuleId,
            ["Language"] = content.Language,
            ["ExternalId"] = content.ExternalId,
            ["GraphId"] = content.GraphId,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<Versioned<VivaActivity>>> ListActivitiesAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var partition = Partition(learner);
        var list = new List<Versioned<VivaActivity>>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            list.Add(new Versioned<VivaActivity>(Read(learner, row), row.ETag.ToString()));
        }

        return [.. list.OrderBy(a => a.Value.ModuleId, StringComparer.Ordinal)];
    }

    public async Task<string> InsertActivityAsync(VivaActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            var response = await table.AddEntityAsync(Write(activity), cancellationToken);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new ConcurrencyConflictException("The activity row exists.", ex);
        }
    }

    public async Task<string> ReplaceActivityAsync(VivaActivity activity, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            var response = await table.UpdateEntityAsync(Write(activity), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException("The activity row changed or is gone.", ex);
        }
    }

    public async Task DeleteLearnerAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var partition = Partition(learner);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }

        await table.DeleteEntityAsync(ErasurePartition, TableKeys.Encode(learner.ToString()), ETag.All, cancellationToken);
    }

    public async Task AddPendingErasureAsync(LearnerKey learner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = new TableEntity(ErasurePartition, TableKeys.Encode(learner.ToString()))
        {
            ["TenantId"] = learner.TenantId,
            ["UserId"] = learner.UserId,
            ["Since"] = at,
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already owed: the first date stays.
        }
    }

    public async IAsyncEnumerable<LearnerKey> ListPendingErasuresAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == ErasurePartition, select: ["TenantId", "UserId"], cancellationToken: cancellationToken))
        {
            yield return new LearnerKey(row.GetString("TenantId"), row.GetString("UserId"));
        }
    }

    private static string Partition(LearnerKey learner) => $"a-{TableKeys.Id(learner.TenantId)}-{TableKeys.Id(learner.UserId)}";

    private static TableEntity Write(VivaActivity activity) => new(Partition(activity.Learner), TableKeys.Encode(activity.ModuleId))
    {
        ["ModuleId"] = activity.ModuleId,
        ["ExternalId"] = activity.ExternalId,
        ["ContentId"] = activity.ContentId,
        ["GraphId"] = activity.GraphId,
        ["StartedAt"] = activity.StartedAt,
        ["ClaimedAt"] = activity.ClaimedAt,
        ["SyncedStatus"] = activity.Synced?.Status.ToString(),
        ["SyncedPercentage"] = activity.Synced?.Percentage,
        ["SyncedCompletedAt"] = activity.Synced?.CompletedAt,
    };

    private static VivaActivity Read(LearnerKey learner, TableEntity row) => new()
    {
        Learner = learner,
        ModuleId = row.GetString("ModuleId"),
        ExternalId = row.GetString("ExternalId"),
        ContentId = row.GetString("ContentId"),
        GraphId = row.GetString("GraphId"),
        StartedAt = row.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        ClaimedAt = row.GetDateTimeOffset("ClaimedAt"),
        Synced = Enum.TryParse<VivaStatus>(row.GetString("SyncedStatus"), out var status)
            ? new VivaTarget(status, row.GetInt32("SyncedPercentage") ?? 0, row.GetDateTimeOffset("SyncedCompletedAt"))
            : null,
    };
}
