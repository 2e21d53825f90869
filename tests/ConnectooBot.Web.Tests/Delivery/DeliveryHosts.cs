using ConnectooBot.Learning.Conversations;
using System.Text.Json;
using Azure.Storage.Queues;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Storage.Delivery;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Delivery;

/// <summary>
/// Bot hosts on the run's Azurite with the delivery worker tuned for tests: short visibility and send timeouts,
/// immediate retries, no connector-level retries (the worker's own handling is what is tested), schedulers off.
/// </summary>
internal static class DeliveryHosts
{
    public static Task<BotHost> StartAsync(string prefix, Action<IDictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null) =>
        BotHost.StartAsync(azurite: true, configure: settings =>
        {
            settings["Storage:TablePrefix"] = prefix;
            settings["Bot:Connector:MaxRetries"] = "0";
            settings["Delivery:VisibilityTimeout"] = "00:00:08";
            settings["Delivery:SendTimeout"] = "00:00:01";
            settings["Delivery:ClaimMargin"] = "00:00:04"; // room for the outcome write on a loaded machine
            settings["Delivery:PollInterval"] = "00:00:00.050";
            settings["Delivery:RetryBaseDelay"] = "00:00:00";
            settings["Delivery:RetryMaxDelay"] = "00:00:00";
            settings["Delivery:RequestsPerSecondPerTenant"] = "1000";
            settings["Delivery:ShutdownGrace"] = "00:00:01";
            settings["Nudges:SchedulerEnabled"] = "false";
            settings["Reminders:SchedulerEnabled"] = "false";
            configure?.Invoke(settings);
        }, extraServices: services);

    public static string Conversation(int recipient) => $"a:recipient-{recipient}";

    public static IReadOnlyList<DeliveryItem> Items(string runId, string serviceUrl, int count, string tenant = TeamsUser.DefaultTenant) =>
        [.. Enumerable.Range(0, count).Select(i => Item(runId, serviceUrl, Conversation(i), tenant))];

    public static DeliveryItem Item(string runId, string serviceUrl, string conversationId, string tenant = TeamsUser.DefaultTenant)
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "Reminder for " + conversationId };
        return new DeliveryItem(runId, conversationId, tenant, serviceUrl, conversationId, DeliveryKinds.Reminder,
            JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity), DateTimeOffset.UtcNow);
    }

    /// <summary>Starts the run and queues its items, as a producer does (for learners whose personal chats are known).</summary>
    public static async Task<string> StartRunAsync(BotHost host, IReadOnlyList<DeliveryItem> items)
    {
        var runId = items[0].RunId;
        var conversations = host.Services.GetRequiredService<IConversationStore>();
        foreach (var item in items.DistinctBy(i => (i.TenantId, i.ConversationId)))
        {
            await conversations.UpsertAsync(PersonalChat(item), CancellationToken.None);
        }

        var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
        await ledger.StartRunAsync(new DeliveryRun(runId, DeliveryKinds.Reminder, TeamsUser.DefaultTenant, DateTimeOffset.UtcNow, items.Select(i => i.RecipientKey).Distinct().Count()), CancellationToken.None);
        await host.Services.GetRequiredService<IDeliveryQueue>().EnqueueAsync(items, CancellationToken.None);
        return runId;
    }

    public static ConversationRecord PersonalChat(DeliveryItem item) => new()
    {
        TenantId = item.TenantId,
        ConversationId = item.ConversationId,
        Kind = ConversationKind.Personal,
        ServiceUrl = item.ServiceUrl,
        UserId = item.RecipientKey,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Waits until every planned recipient has a final outcome (polling the ledger), then returns the counts.</summary>
    public static async Task<DeliveryRunSummary> WaitForRunAsync(BotHost host, string runId, TimeSpan? timeout = null)
    {
        var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        DeliveryRunSummary? summary = null;
        while (!limit.IsCancellationRequested)
        {
            summary = await ledger.GetRunAsync(runId, CancellationToken.None);
            if (summary is { IsComplete: true })
            {
                return summary;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        throw new TimeoutException($"Run {runId} did not complete: {summary}");
    }

    /// <summary>Waits until the delivery queue holds no message at all (visible or not).</summary>
    public static async Task WaitForEmptyQueueAsync(BotHost host, TimeSpan? timeout = null)
    {
        var queue = Queue(host);
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while ((await queue.GetPropertiesAsync(CancellationToken.None)).Value.ApproximateMessagesCount > 0)
        {
            limit.Token.ThrowIfCancellationRequested();
            await Task.Delay(100, CancellationToken.None);
        }
    }

    public static QueueClient Queue(BotHost host) =>
        host.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(host.Services.GetRequiredService<DeliveryQueueNames>().Deliveries);

    public static async Task<IReadOnlyDictionary<string, DeliveryEntry>> EntriesAsync(BotHost host, string runId, IEnumerable<DeliveryItem> items)
    {
        var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
        var entries = new Dictionary<string, DeliveryEntry>(StringComparer.Ordinal);
        foreach (var recipient in items.Select(i => i.RecipientKey).Distinct())
        {
            entries[recipient] = await ledger.FindAsync(runId, recipient, CancellationToken.None) ?? throw new InvalidOperationException($"No ledger row for {recipient}.");
        }

        return entries;
    }
}
