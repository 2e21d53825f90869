using System.Diagnostics.Metrics;
using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Delivery;

/// <summary>
/// The delivery worker in the real host against Azurite and the recording connector: faults, throttling, poison,
/// crashes and competing workers. Each test has its own table prefix (its own queues and ledger).
/// </summary>
[Collection(AzuriteLoadCollection.Name)]
public sealed class DeliveryPipelineTests
{
    [Fact]
    public async Task Run_With500sTimeoutsAndA429Storm_EachRecipientGetsExactlyOneMessageAndOneOutcome()
    {
        await using var host = await DeliveryHosts.StartAsync(Azurite.NewTablePrefix(), s => s["Delivery:MaxAttempts"] = "10");
        using var counters = new DeliveryCounters(host.Services.GetRequiredService<IMeterFactory>());
        var connector = host.Connector;
        connector.FailNext(10, 500);
        connector.FailNext(5, ConnectorFault.Hang(TimeSpan.FromSeconds(10)));
        connector.Throttle(TimeSpan.FromSeconds(1), times: 30);
        var items = DeliveryHosts.Items("run-faults", connector.ServiceUrl, 200);

        var runId = await DeliveryHosts.StartRunAsync(host, items);
        var summary = await DeliveryHosts.WaitForRunAsync(host, runId);

        Assert.Equal((200, 0, 0), (summary.Sent, summary.Failed, summary.InProgress));
        var perConversation = connector.Activities.GroupBy(a => a.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(200, perConversation.Count);
        Assert.All(perConversation.Values, count => Assert.Equal(1, count));
        var statuses = connector.Requests.GroupBy(r => r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal((10, 5, 30), (statuses.GetValueOrDefault(500), statuses.GetValueOrDefault(504), statuses.GetValueOrDefault(429)));
        Assert.Equal((200, 30, 15), (counters["deliveries.sent"], counters["deliveries.throttled"], counters["deliveries.retried"]));
    }

    [Fact]
    public async Task Run_BlockedUninstalledAndNotFound_RecordsTheReasonAndMarksTheConversationInactive()
    {
        await using var host = await DeliveryHosts.StartAsync(Azurite.NewTablePrefix());
        using var counters = new DeliveryCounters(host.Services.GetRequiredService<IMeterFactory>());
        var connector = host.Connector;
        var conversations = host.Services.GetRequiredService<IConversationStore>();
        string[] ids = ["a:blocked", "a:uninstalled", "a:gone", "a:fine"];
        foreach (var id in ids)
        {
            await conversations.UpsertAsync(Record(id, connector.ServiceUrl), CancellationToken.None);
        }

        connector.FailNext(1, ConnectorFault.MessageWritesBlocked(), r => r.Path.Contains("a:blocked", StringComparison.Ordinal));
        connector.FailNext(1, ConnectorFault.Error(403, "BotNotInConversationRoster"), r => r.Path.Contains("a:uninstalled", StringComparison.Ordinal));
        connector.FailNext(1, ConnectorFault.Error(404, "ConversationNotFound"), r => r.Path.Contains("a:gone", StringComparison.Ordinal));
        var items = ids.Select(id => DeliveryHosts.Item("run-gone", connector.ServiceUrl, id)).ToList();

        var runId = await DeliveryHosts.StartRunAsync(host, items);
        var summary = await DeliveryHosts.WaitForRunAsync(host, runId);
        var entries = await DeliveryHosts.EntriesAsync(host, runId, items);

        Assert.Equal(1, summary.Sent);
        Assert.Equal(
            [DeliveryOutcome.Failed(DeliveryReasons.Blocked), DeliveryOutcome.Failed(DeliveryReasons.NotInstalled), DeliveryOutcome.Failed(DeliveryReasons.NotFound), DeliveryOutcome.Sent],
            ids.Select(id => entries[id].Outcome));
        var records = await Task.WhenAll(ids.Select(id => conversations.FindAsync(TeamsUser.DefaultTenant, id, CancellationToken.None)));
        Assert.Equal([false, false, false, true], records.Select(r => r!.Active));
        Assert.Equal("BlockedByUser", records[0]!.InactiveReason);
        Assert.Equal(4, connector.Requests.Count); // no retry for a conversation that is gone
        Assert.Equal((1, 3, 1), (counters["deliveries.sent"], counters["deliveries.failed"], counters["deliveries.failed|" + DeliveryReasons.Blocked]));
    }

    [Fact]
    public async Task Run_InvalidBotApiHost_WarnsOnceMarksTheConversationAndSkipsItsNextMessages()
    {
        await using var host = await DeliveryHosts.StartAsync(Azurite.NewTablePrefix());
        var connector = host.Connector;
        var conversations = host.Services.GetRequiredService<IConversationStore>();
        connector.FailNext(100, ConnectorFault.Error(403, "InvalidBotApiHost"), r => r.Path.Contains("a:gcc", StringComparison.Ordinal));
        var first = DeliveryHosts.Item("run-gcc-1", connector.ServiceUrl, "a:gcc");
        await DeliveryHosts.WaitForRunAsync(host, await DeliveryHosts.StartRunAsync(host, [first]));

        // The next run to the same chat (queued as a producer that has not seen the mark yet would).
        var next = DeliveryHosts.Item("run-gcc-2", connector.ServiceUrl, "a:gcc");
        var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
        await ledger.StartRunAsync(new DeliveryRun(next.RunId, DeliveryKinds.Reminder, TeamsUser.DefaultTenant, DateTimeOffset.UtcNow, 1), CancellationToken.None);
        await host.Services.GetRequiredService<IDeliveryQueue>().EnqueueAsync([next], CancellationToken.None);
        await DeliveryHosts.WaitForRunAsync(host, next.RunId);

        Assert.Equal(DeliveryOutcome.Failed("invalid-bot-api-host"), (await ledger.FindAsync(first.RunId, first.RecipientKey, CancellationToken.None))!.Outcome);
        Assert.Equal(DeliveryOutcome.Skipped(DeliveryReasons.Inactive), (await ledger.FindAsync(next.RunId, next.RecipientKey, CancellationToken.None))!.Outcome);
        var stored = await conversations.FindAsync(TeamsUser.DefaultTenant, "a:gcc", CancellationToken.None);
        Assert.Equal((false, "InvalidBotApiHost"), (stored!.Active, stored.InactiveReason));
        Assert.Single(connector.Requests); // the second message was not sent
        var lines = host.Logs.Lines.Where(l => l.Category.StartsWith("ConnectooBot.Web", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Single(lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("InvalidBotApiHost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_TransientFailuresBeyondMaxAttempts_ParksThePoisonMessageAndRecordsIt()
    {
        await using var host = await DeliveryHosts.StartAsync(Azurite.NewTablePrefix(), s => s["Delivery:MaxAttempts"] = "3");
        var connector = host.Connector;
        connector.FailNext(100, ConnectorFault.Error(502), r => r.Path.Contains("a:poison", StringComparison.Ordinal));
        var items = new[] { DeliveryHosts.Item("run-poison", connector.ServiceUrl, "a:poison"), DeliveryHosts.Item("run-poison", connector.ServiceUrl, "a:fine") };

        var runId = await DeliveryHosts.StartRunAsync(host, items);
        var summary = await DeliveryHosts.WaitForRunAsync(host, runId);

        Assert.Equal((1, 1), (summary.Sent, summary.Failed));
        Assert.Equal(new Dictionary<string, int> { [DeliveryReasons.Poison] = 1 }, summary.FailedByReason);
        Assert.Equal(3, connector.Requests.Count(r => r.Path.Contains("a:poison", StringComparison.Ordinal)));
        var parked = await host.Services.GetRequiredService<IDeliveryInbox>().PeekPoisonAsync(32, CancellationToken.None);
        Assert.Equal("a:poison", Assert.Single(parked).RecipientKey);
        await DeliveryHosts.WaitForEmptyQueueAsync(host);
    }

    [Fact]
    public async Task Restart_AfterACrashMidRun_NeitherLosesNorRepeatsADelivery()
    {
        var prefix = Azurite.NewTablePrefix();
        var power = new PowerCut();

        // What is tested is the crash. A send slower than the 1 s test timeout is retried, and if that slow send did
        // arrive, the retry is a second message: on a loaded machine (the full suite) that made this test fail once.
        // Give sends 3 s here; the claim (3 s + 4 s margin) still ends before the message's 8 s visibility.
        static void SlowMachine(IDictionary<string, string?> settings) => settings["Delivery:SendTimeout"] = "00:00:03";
        var crashed = await DeliveryHosts.StartAsync(prefix, SlowMachine, services: services =>
        {
            services.Decorate<IDeliveryLedger>(ledger => new PowerCutLedger(ledger, power, completionsBeforeCut: 60));
            services.Decorate<IDeliveryInbox>(inbox => new PowerCutInbox(inbox, power));
        });
        var connector = crashed.Connector;
        var items = DeliveryHosts.Items("run-crash", connector.ServiceUrl, 150);
        var runId = await DeliveryHosts.StartRunAsync(crashed, items);
        await power.Tripped.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(200); // let in-flight sends reach the connector, as they would before a real crash
        power.Kill();
        var sentBeforeCrash = connector.Activities.Count;

        await using var restarted = await DeliveryHosts.StartAsync(prefix, SlowMachine);
        var summary = await DeliveryHosts.WaitForRunAsync(restarted, runId);
        await DeliveryHosts.WaitForEmptyQueueAsync(restarted);

        var perConversation = connector.Activities.GroupBy(a => a.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(150, perConversation.Count); // nobody lost
        Assert.All(perConversation.Values, count => Assert.Equal(1, count)); // nobody twice
        Assert.InRange(sentBeforeCrash, 61, 149);
        Assert.Equal(150, summary.Sent + summary.Failed);
        Assert.True(summary.FailedByReason.GetValueOrDefault(DeliveryReasons.Interrupted) >= 1, "the send whose outcome was cut is recorded as interrupted");
        Assert.Equal(summary.Failed, summary.FailedByReason.GetValueOrDefault(DeliveryReasons.Interrupted));
        await crashed.DisposeAsync();
    }

    [Fact]
    public async Task TwoWorkers_OnOneQueueWithEveryItemQueuedTwice_SendToEachRecipientOnce()
    {
        var prefix = Azurite.NewTablePrefix();
        await using var first = await DeliveryHosts.StartAsync(prefix);
        await using var second = await DeliveryHosts.StartAsync(prefix);
        var items = DeliveryHosts.Items("run-two-workers", first.Connector.ServiceUrl, 100);

        var runId = await DeliveryHosts.StartRunAsync(first, [.. items, .. items]);
        var summary = await DeliveryHosts.WaitForRunAsync(second, runId);
        await DeliveryHosts.WaitForEmptyQueueAsync(first);

        Assert.Equal(100, summary.Sent);
        var perConversation = first.Connector.Activities.GroupBy(a => a.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(100, perConversation.Count);
        Assert.All(perConversation.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Limiter_KeepsEachTenantUnderItsRate()
    {
        const int rate = 20;
        const int burst = 5;
        await using var host = await DeliveryHosts.StartAsync(Azurite.NewTablePrefix(), s =>
        {
            s["Delivery:RequestsPerSecondPerTenant"] = $"{rate}";
            s["Delivery:Burst"] = $"{burst}";
            s["Delivery:VisibilityTimeout"] = "00:00:30";
        });
        var items = DeliveryHosts.Items("run-rate", host.Connector.ServiceUrl, 70);

        var runId = await DeliveryHosts.StartRunAsync(host, items);
        var summary = await DeliveryHosts.WaitForRunAsync(host, runId);

        Assert.Equal(70, summary.Sent);
        var arrivals = host.Connector.Requests.Select(r => r.ReceivedAt).Order().ToList();
        // Grants are at most burst + rate in any second; arrivals can bunch up by the HTTP jitter (first connections
        // especially), hence the allowance of half a second's worth. Without the limiter all 70 land within a second.
        var busiestSecond = arrivals.Max(start => arrivals.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));
        Assert.InRange(busiestSecond, rate / 2, rate + burst + (rate / 2));
    }

    private static ConversationRecord Record(string conversationId, string serviceUrl) => new()
    {
        TenantId = TeamsUser.DefaultTenant,
        ConversationId = conversationId,
        Kind = ConversationKind.Personal,
        ServiceUrl = serviceUrl,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
