using System.Buffers.Text;
using System.Security.Cryptography;
using Azure.Data.Tables;
using ConnectooBot.Storage;
using ConnectooBot.Testing.Load;

namespace ConnectooBot.Benchmarks;

/// <summary>
/// Azurite's raw throughput for the storage work of one turn: one point read and one upsert (replace) of an entity
/// shaped like a real learner row, with the bot's own client options, each concurrent loop on its own row. With
/// <c>withClaim</c>, the write is what a course turn really writes: the row replaced with its ETag and a new activity
/// claim row (the shape of <c>ActivityClaimRows</c>: hashes, holder, times, a compressed answer) inserted in the same
/// entity-group transaction.
/// </summary>
internal static class RawStorageLoad
{
    /// <summary>One loop per concurrent user, each on its own copy of <paramref name="shape"/> (written first): run them with <see cref="LoadRunner"/>.</summary>
    public static async Task<IReadOnlyList<ITurnSource>> UsersAsync(StorageOptions storage, TableEntity shape, int concurrency, bool withClaim = false)
    {
        var table = StorageServiceCollectionExtensions.CreateService(storage).GetTableClient(storage.TablePrefix + (withClaim ? "RawClaim" : "Raw"));
        await table.CreateIfNotExistsAsync();
        var users = new List<ITurnSource>(concurrency);
        for (var i = 0; i < concurrency; i++)
        {
            var row = new TableEntity(shape) { PartitionKey = "raw" + concurrency, RowKey = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            row.Remove("odata.etag");
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace);
            users.Add(withClaim ? new ReadThenWriteWithClaim(table, row) : new ReadThenUpsert(table, row));
        }

        return users;
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

    private sealed class ReadThenWriteWithClaim(TableClient table, TableEntity row) : ITurnSource
    {
        /// <summary>About what a card answer compresses to (Brotli, quality 1).</summary>
        private static readonly byte[] CompressedAnswer = RandomNumberGenerator.GetBytes(320);

        public async Task<TurnOutcome> NextTurnAsync(HttpClient bot, CancellationToken cancellationToken)
        {
            var read = await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var claim = new TableEntity(row.PartitionKey, "!a" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)))
            {
                ["Conversation"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
                ["Holder"] = Guid.NewGuid().ToString("N"),
                ["TakenAt"] = now,
                ["LeaseUntil"] = now.AddSeconds(45),
                ["Done"] = true,
                ["AnswerBr"] = CompressedAnswer,
            };
            var written = await table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.UpdateReplace, read.Value, read.Value.ETag), new TableTransactionAction(TableTransactionActionType.Add, claim)],
                cancellationToken);
            return new TurnOutcome(written.GetRawResponse().Status, written.GetRawResponse().Status is 202, "pair+claim");
        }
    }
}
