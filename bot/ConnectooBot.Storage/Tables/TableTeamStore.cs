using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Teams;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Teams in Azure Table Storage: PartitionKey = tenant, RowKey = encoded team id; the record as JSON (chunked), plus a
/// <c>HasNudges</c> column so the scheduler lists only scheduled teams. Writes present the ETag they read.
/// </summary>
public sealed class TableTeamStore(TableClient table) : ITeamStore
{
    public async Task<Versioned<TeamRecord>?> FindAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Id(tenantId), TableKeys.Encode(teamId), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? new Versioned<TeamRecord>(Read(entity), entity.ETag.ToString()) : null;
    }

    public async Task<string> InsertAsync(TeamRecord team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(team), cancellationToken);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new ConcurrencyConflictException("The team already exists.", ex);
        }
    }

    public async Task<string> ReplaceAsync(TeamRecord team, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(team), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException("The team changed since it was read.", ex);
        }
    }

    public async IAsyncEnumerable<TeamRecord> ListAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = TableKeys.Id(tenantId);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            yield return Read(entity);
        }
    }

    public async IAsyncEnumerable<TeamRecord> ListScheduledAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.GetBoolean("HasNudges") == true, cancellationToken: cancellationToken))
        {
            yield return Read(entity);
        }
    }

    private static TeamRecord Read(TableEntity entity) =>
        JsonSerializer.Deserialize(ChunkedText.Read(entity, "State"), StorageJsonContext.Default.TeamRecord)
        ?? throw new InvalidDataException("A stored team is empty.");

    private static TableEntity ToEntity(TeamRecord team)
    {
        var entity = new TableEntity(TableKeys.Id(team.TenantId), TableKeys.Encode(team.TeamId))
        {
            ["HasNudges"] = team.Active && team.Nudges is not null,
        };
        ChunkedText.Write(entity, "State", JsonSerializer.Serialize(team, StorageJsonContext.Default.TeamRecord));
        return entity;
    }
}
