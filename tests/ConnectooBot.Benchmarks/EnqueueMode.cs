using System.Text.Json;
using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Benchmarks;

/// <summary><c>enqueue COUNT RUN_ID SERVICE_URL</c>: starts a reminder run and queues COUNT items, as a producer does.</summary>
internal static class EnqueueMode
{
    public const string Tenant = "99999999-0000-0000-0000-0000000be4c4";

    public static async Task<int> RunAsync(int count, string runId, string serviceUrl)
    {
        var (queue, ledger, conversations) = await BenchmarkStorage.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        await ledger.StartRunAsync(new DeliveryRun(runId, DeliveryKinds.Reminder, Tenant, now, count), CancellationToken.None);
        var payload = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Message, Text = "Benchmark reminder" }, ProtocolJsonContext.Default.Activity);
        var items = Enumerable.Range(0, count)
            .Select(i => new DeliveryItem(runId, $"a:bench-{i}", Tenant, serviceUrl, $"a:bench-{i}", DeliveryKinds.Reminder, payload, now))
            .ToList();
        // The learners' personal chats are known (a reminder to an unknown chat is dropped as erased).
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, ct) =>
            await conversations.UpsertAsync(
                new ConversationRecord { TenantId = Tenant, ConversationId = item.ConversationId, Kind = ConversationKind.Personal, ServiceUrl = serviceUrl, UserId = item.RecipientKey, UpdatedAt = now }, ct));
        foreach (var chunk in items.Chunk(500))
        {
            await queue.EnqueueAsync(chunk, CancellationToken.None);
        }

        Console.WriteLine($"queued {count} items for run {runId}");
        return 0;
    }
}
