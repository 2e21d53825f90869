using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// The latest programme snapshot per tenant in Azure Table Storage: PartitionKey = tenant, RowKey <c>programme</c>,
/// the snapshot as JSON in chunked string columns (<see cref="ChunkedText"/>: 30,000 characters a column). A snapshot
/// longer than one row holds (<see cref="CharactersPerRow"/>, well under the 1 MiB an entity may hold) continues in
/// rows <c>programme.1</c>, <c>programme.2</c>…; the first row says how many (<c>Rows</c>). All rows are written in one
/// entity-group transaction (the last save wins, never a mix of two), and read with one range query: a dashboard
/// view costs one storage request whatever the number of learners (a query page holds up to 1,000 rows).
/// </summary>
public sealed class TableInsightsStore(TableClient table) : IInsightsStore
{
    /// <summary>12 columns of 30,000 characters: 720 KB of UTF-16, under the 1 MiB entity limit with room for the keys.</summary>
    public const int CharactersPerRow = 12 * ChunkedText.ChunkLength;

    /// <summary>At most this many rows (a transaction's payload is limited to 4 MiB).</summary>
    public const int MaxRows = 8;

    private const string Row = "programme";

    public async Task<ProgrammeInsights?> FindAsync(string tenantId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Id(tenantId);
        var rows = new SortedDictionary<int, TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {Row} and RowKey lt {Row + "/"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows[entity.RowKey == Row ? 0 : int.Parse(entity.RowKey[(Row.Length + 1)..], CultureInfo.InvariantCulture)] = entity;
        }

        if (!rows.TryGetValue(0, out var first))
        {
            return null;
        }

        var count = first.GetInt32("Rows") ?? 1;
        var json = string.Concat(Enumerable.Range(0, count).Select(i => rows.TryGetValue(i, out var row)
            ? ChunkedText.Read(row, "State")
            : throw new InvalidDataException($"The stored insights of a tenant lack row {i} of {count}.")));
        return JsonSerializer.Deserialize(json, InsightsJsonContext.Default.ProgrammeInsights);
    }

    public async Task SaveAsync(ProgrammeInsights insights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insights);
        var json = JsonSerializer.Serialize(insights, InsightsJsonContext.Default.ProgrammeInsights);
        var parts = json.Chunk(CharactersPerRow).Select(c => new string(c)).ToList();
        if (parts.Count > MaxRows)
        {
            throw new InvalidOperationException($"A programme snapshot of {json.Length} characters exceeds the {MaxRows * CharactersPerRow} that can be stored.");
        }

        var partition = TableKeys.Id(insights.TenantId);
        var actions = new List<TableTransactionAction>();
        for (var i = 0; i < parts.Count; i++)
        {
            var entity = new TableEntity(partition, i == 0 ? Row : Row + "." + i.ToString(CultureInfo.InvariantCulture));
            if (i == 0)
            {
                entity["Rows"] = parts.Count;
                entity["ComputedAt"] = insights.ComputedAt;
            }

            ChunkedText.Write(entity, "State", parts[i]);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }

        await table.SubmitTransactionAsync(actions, cancellationToken);
    }
}
