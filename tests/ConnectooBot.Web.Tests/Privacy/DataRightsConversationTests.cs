using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Storage;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Storage;
using ConnectooBot.Web.Badges;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Privacy;

/// <summary>A learner's data rights on real storage: see everything, take it away, erase it — then nothing is left.</summary>
public sealed class DataRightsConversationTests : IAsyncLifetime
{
    private const string TeamId = "19:guichet@thread.tacv2";
    private const string ReminderRun = "reminders/2026-11-20";
    private readonly TeamsUser _user = TeamsUser.Create("Ingrid Vandersteen", "nl-BE");
    private BotHost _bot = null!;

    private UiContent Ui => _bot.Services.GetRequiredService<UiContent>();

    private LearnerKey Key => new(_bot.Activities.TenantId, _user.AadObjectId);

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(azurite: true);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task MyData_GivesEverything_ReadableAndAsJson_ThroughLinksOnlyForThem()
    {
        var chat = await LearnerWithHistoryAsync();

        var reply = await chat.SendAsync("mijn gegevens");

        Assert.Equal(Ui.Text("nl", "mydata.title"), reply.Card.Title);
        Assert.Contains(reply.Card.Json["body"]![2]!["facts"]!.AsArray(), f => f!["value"]!.GetValue<string>() == "Ingrid Vandersteen");
        var facts = reply.Card.Json["body"]![2]!["facts"]!.AsArray();
        var place = facts.Single(f => f!["title"]!.GetValue<string>() == Ui.Text("nl", "mydata.place"))!["value"]!.GetValue<string>();
        Assert.Matches(@"^Module \d, (stap \d+|quiz)$", place); // where they are, which the welcome says is kept
        Assert.NotNull(reply.Card.Button(Ui.Text("nl", "continue.button"))); // and the way back to the course
        var actions = reply.Card.Json["actions"]!.AsArray();
        var page = new Uri(actions[0]!["url"]!.GetValue<string>());
        var json = new Uri(actions[1]!["url"]!.GetValue<string>());
        using var pageResponse = await _bot.Client.GetAsync(page.PathAndQuery);
        using var jsonResponse = await _bot.Client.GetAsync(json.PathAndQuery);
        using var forged = await _bot.Client.GetAsync(json.AbsolutePath + "?t=" + "x" + json.Query[3..]);
        var token = System.Web.HttpUtility.ParseQueryString(json.Query)["t"]!;
        foreach (var l in _bot.Logs.Lines.Where(l => l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))) { Console.WriteLine($"LOG {l.Level} {l.Category} {l.Message}"); }
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Message.Contains(token[..40], StringComparison.Ordinal)); // a bearer link: never in a log, not even the request line
        var export = JsonNode.Parse(await jsonResponse.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Contains("lang=\"nl\"", await pageResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Ingrid Vandersteen", export["learner"]!["displayName"]!.GetValue<string>());
        Assert.Single(export["badges"]!.AsArray());
        Assert.Equal("Guichet", export["teamsManaged"]![0]!["name"]!.GetValue<string>());
        Assert.NotEmpty(export["conversations"]!.AsArray());
        var sent = Assert.Single(export["messagesSentOnItsOwn"]!.AsArray())!;
        Assert.Equal((ReminderRun, "Sent"), (sent["runId"]!.GetValue<string>(), sent["status"]!.GetValue<string>()));
        Assert.Contains(reply.Card.Json["body"]![2]!["facts"]!.AsArray(), f => f!["title"]!.GetValue<string>() == Ui.Text("nl", "mydata.sent"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task DeleteMyData_WithTheBadge_LeavesNothingAboutThemInAnyTable()
    {
        var chat = await LearnerWithHistoryAsync();
        var badgeId = (await Badges.FindByLearnerAsync(Key, CancellationToken.None)).Single().BadgeId;
        var before = await FindTracesAsync();

        var asked = await chat.SendAsync("verwijder mijn gegevens");
        var done = await chat.ClickAsync(Ui.Text("nl", "delete.confirm"), new Dictionary<string, string> { ["badge"] = "revoke" });

        Assert.Equal(Ui.Text("nl", "delete.title"), asked.Card.Title);
        Assert.Equal(Ui.Text("nl", "delete.done"), done.Card.Title);
        Assert.Equal(Ui.Text("nl", "delete.restart"), done.Card.Texts[1]); // no dead end: how to come back
        Assert.True(before.Count >= 6, string.Join(", ", before)); // learner, chat, claim, badge, team, ledger: the scan sees them
        Assert.Contains(before, t => t.Contains("Deliveries/", StringComparison.Ordinal));
        Assert.Empty(await FindTracesAsync());

        // A reminder queued before the erasure and delivered after it: dropped unsent, and no ledger row comes back.
        var sentBefore = _bot.Connector.Activities.Count;
        var reminder = new Activity { Type = ActivityTypes.Message, Text = "Tot straks?" };
        await _bot.Services.GetRequiredService<IDeliveryQueue>().EnqueueAsync(
            [new DeliveryItem(ReminderRun + "b", Key.ToString(), Key.TenantId, _bot.Activities.ServiceUrl, chat.ConversationId, DeliveryKinds.Reminder,
                System.Text.Json.JsonSerializer.Serialize(reminder, ProtocolJsonContext.Default.Activity), DateTimeOffset.UtcNow)],
            CancellationToken.None);
        await Delivery.DeliveryHosts.WaitForEmptyQueueAsync(_bot);
        Assert.Equal(sentBefore, _bot.Connector.Activities.Count);
        Assert.Empty(await FindTracesAsync());
        Assert.Contains(_bot.Logs.Lines, l => l.EventId == 3515);
        Assert.Contains(await Badges.ListRevokedAsync(CancellationToken.None), r => r.Revocation.Reason == BadgeRevocation.ErasedReason);
        using var badgePage = await _bot.Client.GetAsync($"/badges/{badgeId}");
        Assert.DoesNotContain("Ingrid", await badgePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteMyData_KeepingTheBadge_KeepsOnlyTheBadge()
    {
        var chat = await LearnerWithHistoryAsync();

        await chat.SendAsync("delete my data");
        await chat.ClickAsync(Ui.Text("nl", "delete.confirm"), new Dictionary<string, string> { ["badge"] = "keep" });

        Assert.Null(await _bot.Services.GetRequiredService<ILearnerStore>().FindAsync(Key, CancellationToken.None));
        Assert.False(Assert.Single(await Badges.FindByLearnerAsync(Key, CancellationToken.None)).IsRevoked);
        var traces = await FindTracesAsync();
        Assert.All(traces, t => Assert.Contains("Badges", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteMyData_Cancelled_ErasesNothing()
    {
        var chat = await LearnerWithHistoryAsync();

        await chat.SendAsync("delete my data");
        var cancelled = await chat.ClickAsync(Ui.Text("nl", "delete.cancel"));

        Assert.Equal(Ui.Text("nl", "delete.cancelled"), cancelled.Card.Title);
        Assert.NotNull(await _bot.Services.GetRequiredService<ILearnerStore>().FindAsync(Key, CancellationToken.None));
    }

    private IBadgeStore Badges => _bot.Services.GetRequiredService<IBadgeStore>();

    /// <summary>A learner with progress, a scheduling claim, a badge and a team they manage.</summary>
    private async Task<PersonalChat> LearnerWithHistoryAsync()
    {
        var chat = _bot.PersonalChat(_user);
        await chat.InstallAsync();
        await chat.ClickAsync("Beginnen");
        await chat.ClickAsync("Volgende");
        _bot.Connector.SetTeam(new TeamDetails(TeamId, "Guichet", null));
        _bot.Connector.SetRoster([new TeamsChannelAccount { Id = _user.AccountId, AadObjectId = _user.AadObjectId, Name = _user.Name }], TeamId);
        using (var installed = await _bot.PostAsync(_bot.Activities.TeamInstall(_user, TeamId, TeamId)))
        {
            Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        }

        await _bot.Services.GetRequiredService<IScheduleClaims>().TryClaimAsync($"personal/{Key}", "reminder/2026-W48", DateTimeOffset.UtcNow, CancellationToken.None);
        await _bot.Services.GetRequiredService<BadgeIssuer>().IssueAsync(Key, "connectoo", _user.Name, "nl", [new ModuleScore("digital-divide", 100)], "v", CancellationToken.None);
        var ledger = _bot.Services.GetRequiredService<IDeliveryLedger>();
        await ledger.StartRunAsync(new DeliveryRun(ReminderRun, DeliveryKinds.Reminder, Key.TenantId, DateTimeOffset.UtcNow, 1), CancellationToken.None);
        await ledger.RecordAsync(ReminderRun, Key.ToString(), DeliveryOutcome.Sent, DateTimeOffset.UtcNow, CancellationToken.None);
        return chat;
    }

    /// <summary>Every row of every table of this host that still names the user: "table/partition/row" of each.</summary>
    private async Task<List<string>> FindTracesAsync()
    {
        var prefix = _bot.Services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
        var service = new TableServiceClient((await Azurite.GetAsync()).ConnectionString);
        string[] needles =
        [
            _user.AadObjectId, _user.AccountId, _user.Name,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(_user.AadObjectId)).TrimEnd('='),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"personal/{Key}")).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            TableKeys.Encode(Key.ToString()),
        ];
        var traces = new List<string>();
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(prefix) >= 0))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var text = string.Join('|', entity.Select(p => $"{p.Key}={p.Value}")) + "|" + entity.PartitionKey + "|" + entity.RowKey;
                if (needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                {
                    traces.Add($"{table.Name}/{entity.PartitionKey}/{entity.RowKey}");
                }
            }
        }

        return traces;
    }
}
