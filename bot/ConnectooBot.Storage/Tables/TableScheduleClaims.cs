using Azure;
using Azure.Data.Tables;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.Tables;

/// <summary>Claims as rows: PartitionKey = encoded scope, RowKey = encoded key. The insert that succeeds wins.</summary>
public sealed class TableScheduleClaims(TableClient table) : IScheduleClaims
{
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

    public async Task DeleteScopeAsync(string scope, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(scope);
        await foreach (var claim in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, ETag.All, cancellationToken);
        }
    }
}
