using Azure;
using Azure.Data.Tables;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Activity claims in the learners table (<see cref="ActivityClaimRows"/>): a conditional insert; on 409 a point read,
/// and a takeover with the read ETag when the lease expired (two instances taking over at once: one ETag wins).
/// </summary>
public sealed class TableActivityClaims(TableClient table) : IActivityClaims
{
    public async Task<ActivityClaimResult> TakeAsync(ActivityClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var entity = ActivityClaimRows.ToEntity(claim);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return new ActivityClaimResult(true, claim);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already claimed: read on.
        }

        var found = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } stored)
        {
            // Released in between (its turn failed): try once more.
            try
            {
                await table.AddEntityAsync(entity, cancellationToken);
                return new ActivityClaimResult(true, claim);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                return new ActivityClaimResult(false, claim with { Holder = string.Empty, LeaseUntil = DateTimeOffset.MaxValue });
            }
        }

        var existing = ActivityClaimRows.FromEntity(claim.Key, stored);
        if (existing.Done || existing.IsRunningAt(now))
        {
            return new ActivityClaimResult(false, existing);
        }

        try
        {
            await table.UpdateEntityAsync(entity, stored.ETag, TableUpdateMode.Replace, cancellationToken);
            return new ActivityClaimResult(true, claim);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Another instance took it over (or its turn was released) first.
            return new ActivityClaimResult(false, existing with { LeaseUntil = DateTimeOffset.MaxValue });
        }
    }

    public async Task<ActivityClaim?> FindAsync(ActivityClaimKey key, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ActivityClaimRows.PartitionKey(key), ActivityClaimRows.RowKey(key), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } stored ? ActivityClaimRows.FromEntity(key, stored) : null;
    }

    public async Task CompleteAsync(ActivityClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await table.UpsertEntityAsync(ActivityClaimRows.ToEntity(claim), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task ReleaseAsync(ActivityClaimKey key, string holder, CancellationToken cancellationToken)
    {
        var (partition, row) = (ActivityClaimRows.PartitionKey(key), ActivityClaimRows.RowKey(key));
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, select: ["Holder"], cancellationToken: cancellationToken);
        if (found.HasValue && found.Value is { } stored && stored.GetString("Holder") == holder)
        {
            try
            {
                await table.DeleteEntityAsync(partition, row, stored.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Taken over or gone meanwhile: not ours to remove.
            }
        }
    }

    public async Task<int> DeleteConversationAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(conversationId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Id(tenantId)} and Conversation eq {ActivityClaimRows.ConversationHash(conversationId)}")
            + " and " + ActivityClaimRows.Filter;
        return await DeleteAllAsync(filter, cancellationToken);
    }

    public async Task<int> PurgeAsync(DateTimeOffset takenBefore, CancellationToken cancellationToken)
    {
        var filter = ActivityClaimRows.Filter + " and " + TableClient.CreateQueryFilter($"TakenAt lt {takenBefore}");
        return await DeleteAllAsync(filter, cancellationToken);
    }

    private async Task<int> DeleteAllAsync(string filter, CancellationToken cancellationToken)
    {
        var purged = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                purged++;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Purged by another instance.
            }
        }

        return purged;
    }
}
