using Azure.Data.Tables;
using ConnectooBot.Storage;
using ConnectooBot.Testing.Load;

namespace ConnectooBot.Benchmarks;

/// <summary>
/// Azurite's raw throughput for the storage work of one turn: one point read and one upsert (replace) of an entity
/// shaped like a real learner row, with the bot's own client options, each concurrent loop on its own row.
/// </summary>
internal static class RawStorageLoad
{
    public static async Task<LoadResult> RunAsync(StorageOptions storage, TableEntity shape, int concurrency, TimeSpan warmUp, TimeSpan measure)
    {
        var table = StorageServiceCollectionExtensions.CreateService(storage).GetTableClient(storage.TablePrefix + "Raw");
        await table.CreateIfNotExistsAsync();
        var users = new List<ITurnSource>(concurrency);
        for (var i = 0; i < concurrency; i++)
        {
            var row = new TableEntity(shape) { PartitionKey = "raw" + concurrency, RowKey = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            row.Remove("odata.etag");
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace);
            users.Add(new ReadThenUpsert(table, row));
        }

        using var unused = new HttpClient();
        return await LoadRunner.RunAsync(unused, users, warmUp, measure);
    }

    private sealed class ReadThenUpsert(TableClient table, TableEntity row) : ITurnSource
    {
        public async Task<TurnOutcome> NextTurnAsync(HttpClient bot, CancellationToken cancellationToken)
        {
            var read = await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            var written = await table.UpsertEntityAsync(read.Value, TableUpdateMode.Replace, cancellationToken);
            return new TurnOutcome(written.Status, written.Status is 204, "pair");
        }
    }
}
