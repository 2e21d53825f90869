using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.Delivery;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// The delivery ledger in one table. Recipient rows: PartitionKey = encoded run id, RowKey = encoded recipient key,
/// claimed by insert (or by replace with the ETag read), completed and released only with the claim's ETag. Run rows
/// live in the partition <see cref="RunsPartition"/> (not a base64url string, so no run id can collide with it), so
/// listing and purging runs never scans recipient rows. Every row carries <c>ExpiresAt</c> (written + retention).
/// Every write also carries a fresh <c>WriteId</c>: when the storage client retries a write whose first try landed but
/// whose answer was lost (a timeout), the retry fails with 409 or 412 against our own row, and the WriteId tells us the
/// write is ours — without it such a claim would be orphaned and later read as an interrupted send, never delivered.
/// </summary>
public sealed class TableDeliveryLedger(TableClient table, TimeSpan retention) : IDeliveryLedger
{
    public const string RunsPartition = "!runs";
    private const int MaxClaimRounds = 5;
    private static readonly string[] CountColumns = ["Status", "Reason"];

    public async Task StartRunAsync(DeliveryRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entity = new TableEntity(RunsPartition, TableKeys.Encode(run.RunId))
        {
            ["RunId"] = run.RunId,
            ["Kind"] = run.Kind,
            ["TenantId"] = run.TenantId,
            ["CreatedAt"] = run.CreatedAt,
            ["Planned"] = run.Planned,
            ["ExpiresAt"] = run.CreatedAt + retention,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> RecordAsync(string runId, string recipientKey, DeliveryOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var row = Row(runId, recipientKey, outcome.Status, outcome.Reason, null, at);
        for (var round = 0; round < MaxClaimRounds; round++)
        {
            if (await TryAddAsync(row, cancellationToken) is not null)
            {
                return true;
            }

            var existing = await ReadAsync(runId, recipientKey, cancellationToken);
            if (existing is null)
            {
                continue;
            }

            if (Status(existing).IsFinal())
            {
                return false;
            }

            if (await TryReplaceAsync(row, existing.ETag, cancellationToken) is not null)
            {
                return true;
            }
        }

        throw new RequestFailedException(409, "The ledger row kept changing while recording an outcome.");
    }

    public async Task<DeliveryEntry?> FindAsync(string runId, string recipientKey, CancellationToken cancellationToken) =>
        await ReadAsync(runId, recipientKey, cancellationToken) is { } entity ? Entry(runId, recipientKey, entity) : null;

    public async Task<DeliveryRunSummary?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(RunsPartition, TableKeys.Encode(runId), cancellationToken: cancellationToken);
        return response.HasValue ? await SummaryAsync(Run(response.Value!), cancellationToken) : null;
    }

    public async Task<IReadOnlyList<DeliveryRunSummary>> ListRunsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var runs = new List<DeliveryRun>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RunsPartition} and CreatedAt ge {since}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            runs.Add(Run(entity));
        }

        var summaries = new List<DeliveryRunSummary>(runs.Count);
        foreach (var run in runs.OrderByDescending(r => r.CreatedAt))
        {
            summaries.Add(await SummaryAsync(run, cancellationToken));
        }

        return summaries;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RunsPartition} and ExpiresAt lt {now}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "RunId"], cancellationToken: cancellationToken))
        {
            expired.Add(entity);
        }

        foreach (var run in expired)
        {
            await DeletePartitionAsync(TableKeys.Encode(run.GetString("RunId")), cancellationToken);
            await IgnoreMissingAsync(table.DeleteEntityAsync(RunsPartition, run.RowKey, ETag.All, cancellationToken));
        }

        return expired.Count;
    }

    public async Task<IReadOnlyList<DeliveryEntry>> ListForRecipientAsync(string recipientKey, CancellationToken cancellationToken)
    {
        var entries = new List<DeliveryEntry>();
        await foreach (var entity in RecipientRowsAsync(recipientKey, select: null, cancellationToken))
        {
            entries.Add(Entry(TableKeys.Decode(entity.PartitionKey), recipientKey, entity));
        }

        return [.. entries.OrderBy(e => e.UpdatedAt)];
    }

    public async Task<int> ForgetRecipientAsync(string recipientKey, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in RecipientRowsAsync(recipientKey, ["PartitionKey", "RowKey"], cancellationToken))
        {
            rows.Add(entity);
        }

        foreach (var row in rows)
        {
            await IgnoreMissingAsync(table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken));
        }

        return rows.Count;
    }

    /// <summary>One recipient's rows in every run: a scan across runs, rare ("my data", an erasure) and bounded by the retention.</summary>
    private async IAsyncEnumerable<TableEntity> RecipientRowsAsync(string recipientKey, IEnumerable<string>? select, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rowKey = TableKeys.Encode(recipientKey);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.RowKey == rowKey, select: select, cancellationToken: cancellationToken))
        {
            if (entity.PartitionKey != RunsPartition)
            {
                yield return entity;
            }
        }
    }

    public async Task<DeliveryClaimResult> TryClaimAsync(string runId, string recipientKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var row = Row(runId, recipientKey, DeliveryStatus.Sending, null, leaseUntil, now);
        for (var round = 0; round < MaxClaimRounds; round++)
        {
            if (await TryAddAsync(row, cancellationToken) is { } added)
            {
                return new DeliveryClaimResult.Claimed(new DeliveryClaim(runId, recipientKey, leaseUntil, added));
            }

            var existing = await ReadAsync(runId, recipientKey, cancellationToken);
            if (existing is null)
            {
                continue;
            }

            var entry = Entry(runId, recipientKey, existing);
            if (entry.Outcome is { } outcome)
            {
                return new DeliveryClaimResult.AlreadyFinal(outcome);
            }

            if (entry.Status == DeliveryStatus.Sending && entry.LeaseUntil > now)
            {
                return new DeliveryClaimResult.Busy(entry.LeaseUntil.Value);
            }

            if (await TryReplaceAsync(row, existing.ETag, cancellationToken) is { } replaced)
            {
                var claim = new DeliveryClaim(runId, recipientKey, leaseUntil, replaced);
                return entry.Status == DeliveryStatus.Sending ? new DeliveryClaimResult.TakenOver(claim) : new DeliveryClaimResult.Claimed(claim);
            }
        }

        return new DeliveryClaimResult.Busy(now);
    }

    public async Task<bool> CompleteAsync(DeliveryClaim claim, DeliveryOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(outcome);
        var row = Row(claim.RunId, claim.RecipientKey, outcome.Status, outcome.Reason, null, at);
        if (await TryReplaceAsync(row, new ETag(claim.Version), cancellationToken) is not null)
        {
            return true;
        }

        // The claim was taken over and recorded as "interrupted; may have been sent" — but it was sent: say so.
        return outcome.Status == DeliveryStatus.Sent
            && await ReadAsync(claim.RunId, claim.RecipientKey, cancellationToken) is { } current
            && Status(current) == DeliveryStatus.Failed
            && current.GetString("Reason") == DeliveryReasons.Interrupted
            && await TryReplaceAsync(Row(claim.RunId, claim.RecipientKey, outcome.Status, outcome.Reason, null, at), current.ETag, cancellationToken) is not null;
    }

    public async Task<bool> ReleaseAsync(DeliveryClaim claim, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var row = Row(claim.RunId, claim.RecipientKey, DeliveryStatus.Pending, null, null, at);
        return await TryReplaceAsync(row, new ETag(claim.Version), cancellationToken) is not null;
    }

    private TableEntity Row(string runId, string recipientKey, DeliveryStatus status, string? reason, DateTimeOffset? leaseUntil, DateTimeOffset at) =>
        new(TableKeys.Encode(runId), TableKeys.Encode(recipientKey))
        {
            ["Status"] = status.ToString(),
            ["Reason"] = reason,
            ["LeaseUntil"] = leaseUntil,
            ["UpdatedAt"] = at,
            ["ExpiresAt"] = at + retention,
            ["WriteId"] = Guid.NewGuid().ToString("N"),
        };

    /// <summary>The new ETag, or null when the row exists (and is not this very write, landed by an earlier try).</summary>
    private async Task<string?> TryAddAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(row, cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table Storage returned no ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await OwnWriteAsync(row, cancellationToken);
        }
    }

    /// <summary>The new ETag, or null when the row changed since <paramref name="etag"/> (by another write than this one) or is gone.</summary>
    private async Task<string?> TryReplaceAsync(TableEntity row, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table Storage returned no ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return await OwnWriteAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The row's ETag when the stored row is <paramref name="row"/>'s own write (a retried request that had landed).</summary>
    private async Task<string?> OwnWriteAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        return stored.HasValue && stored.Value!.GetString("WriteId") == row.GetString("WriteId") ? stored.Value.ETag.ToString() : null;
    }

    private async Task<TableEntity?> ReadAsync(string runId, string recipientKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(runId), TableKeys.Encode(recipientKey), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task<DeliveryRunSummary> SummaryAsync(DeliveryRun run, CancellationToken cancellationToken)
    {
        var rows = new List<(DeliveryStatus, string?)>();
        var partition = TableKeys.Encode(run.RunId);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: CountColumns, cancellationToken: cancellationToken))
        {
            rows.Add((Status(entity), entity.GetString("Reason")));
        }

        return DeliverySummaries.Count(run, rows);
    }

    private async Task DeletePartitionAsync(string partition, CancellationToken cancellationToken)
    {
        var batch = new List<TableTransactionAction>(100);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
            if (batch.Count == 100)
            {
                await DeleteAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        await DeleteAsync(batch, cancellationToken);
    }

    /// <summary>One transaction; if it fails (another instance purging too), row by row, ignoring rows already gone.</summary>
    private async Task DeleteAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException)
        {
            foreach (var action in batch)
            {
                await IgnoreMissingAsync(table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken));
            }
        }
    }

    private static async Task IgnoreMissingAsync(Task<Response> delete)
    {
        try
        {
            await delete;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    private static DeliveryStatus Status(TableEntity entity) =>
        Enum.TryParse<DeliveryStatus>(entity.GetString("Status"), out var status) ? status : DeliveryStatus.Pending;

    private static DeliveryEntry Entry(string runId, string recipientKey, TableEntity entity) =>
        new(runId, recipientKey, Status(entity), entity.GetString("Reason"), entity.GetDateTimeOffset("LeaseUntil"), entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);

    private static DeliveryRun Run(TableEntity entity) => new(
        entity.GetString("RunId"),
        entity.GetString("Kind") ?? "",
        entity.GetString("TenantId"),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        entity.GetInt32("Planned") ?? 0);
}
