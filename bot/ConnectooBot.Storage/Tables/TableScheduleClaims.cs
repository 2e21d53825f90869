using Azure;
using Azure.Data.Tables;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Scheduling;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Claims as rows: PartitionKey = encoded scope, RowKey = encoded key. An insert-only claim is a row without lease
/// columns (the insert that succeeds wins, for good). A lease row has <c>Owner</c>, <c>LeaseUntil</c> and <c>Done</c>;
/// it is taken over by replacing it with the ETag read once <c>LeaseUntil</c> has passed and <c>Done</c> is false,
/// and completed by a merge with the ETag of the lease (so a holder whose lease was taken over cannot complete it).
/// </summary>
public sealed class TableScheduleClaims(TableClient table) : IScheduleClaims
{
    private const int MaxLeaseRounds = 3;

    public async Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(TableKeys.Encode(scope), TableKeys.Encode(key)) { ["ClaimedAt"] = at }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<ScheduleLeaseResult> TryLeaseAsync(string scope, string key, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var writeId = Guid.NewGuid().ToString("N");
        var row = new TableEntity(TableKeys.Encode(scope), TableKeys.Encode(key))
        {
            ["ClaimedAt"] = now,
            ["Owner"] = owner,
            ["LeaseUntil"] = until,
            ["Done"] = false,
            ["WriteId"] = writeId,
        };
        for (var round = 0; round < MaxLeaseRounds; round++)
        {
            try
            {
                var added = await table.AddEntityAsync(row, cancellationToken);
                return Granted(added.Headers.ETag, takenOver: false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Taken before (or this very insert landed on an earlier try of the SDK): read it.
            }

            var found = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value is not { } existing)
            {
                continue; // deleted meanwhile (the scope was erased): insert again
            }

            if (existing.GetString("WriteId") == writeId)
            {
                return Granted(existing.ETag, takenOver: false);
            }

            if (existing.GetBoolean("Done") != false)
            {
                return new ScheduleLeaseResult.Done(); // completed, or an insert-only claim
            }

            var leaseUntil = existing.GetDateTimeOffset("LeaseUntil") ?? DateTimeOffset.MinValue;
            if (leaseUntil > now)
            {
                return new ScheduleLeaseResult.Busy(existing.GetString("Owner") ?? string.Empty, leaseUntil);
            }

            try
            {
                var replaced = await table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return Granted(replaced.Headers.ETag, takenOver: true);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Another instance took it over (or completed it) first: read it again.
            }
        }

        return new ScheduleLeaseResult.Busy(string.Empty, now);

        ScheduleLeaseResult Granted(ETag? etag, bool takenOver) =>
            new ScheduleLeaseResult.Granted(new ScheduleLease(scope, key, owner, until, etag?.ToString() ?? string.Empty), takenOver);
    }

    public async Task<bool> CompleteAsync(ScheduleLease lease, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var done = new TableEntity(TableKeys.Encode(lease.Scope), TableKeys.Encode(lease.Key)) { ["Done"] = true, ["DoneAt"] = at };
        try
        {
            await table.UpdateEntityAsync(done, new ETag(lease.Version), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task DeleteScopeAsync(string scope, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(scope);
        await foreach (var claim in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, ETag.All, cancellationToken);
        }
    }
}
