using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Managers;
using ConnectooBot.Web.Tests.Hosting;

namespace ConnectooBot.Web.Tests.Managers;

/// <summary>A team of 10,000: every roster page is read, and learner state is joined without one request per member.</summary>
public sealed class LargeTeamProgressTests() : BotTest(azurite: true)
{
    private const string TeamId = "19:large@thread.tacv2";

    [Fact]
    public async Task Progress_InATeamOfTenThousand_ReadsEveryRosterPage_AndFewStorageRequests()
    {
        var manager = TeamsUser.Create("Manager", "en-US");
        var members = Enumerable.Range(0, 9_999).Select(i => TeamsUser.Create($"Member {i:00000}", "en-US")).Prepend(manager).ToList();
        Bot.Connector.SetTeam(new TeamDetails(TeamId, "Large", null));
        Bot.Connector.SetRoster(members.Select(m => new TeamsChannelAccount { Id = m.AccountId, AadObjectId = m.AadObjectId, Name = m.Name }), TeamId);
        using (var installed = await Bot.PostAsync(Bot.Activities.TeamInstall(manager, TeamId, TeamId)))
        {
            Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        }

        var store = Bot.Services.GetRequiredService<ILearnerStore>();
        var now = DateTimeOffset.UtcNow;
        foreach (var member in members.Take(300))
        {
            await store.InsertAsync(new Learner { Key = new LearnerKey(Bot.Activities.TenantId, member.AadObjectId), Language = "en", FirstSeen = now, LastActive = now }, CancellationToken.None);
        }

        Bot.Connector.Clear();
        Bot.StorageRequests.Reset();
        using (var asked = await Bot.PostAsync(Bot.Activities.ChannelMention(manager, TeamId, TeamId, "progress")))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var rosterPages = Bot.Connector.Requests.Count(r => r.Path.Contains("pagedmembers", StringComparison.Ordinal));
        var aggregate = Bot.Connector.Activities.Single(a => a.ConversationId.StartsWith(TeamId, StringComparison.Ordinal));
        var texts = new CardView((JsonObject)aggregate.Activity.Attachments![0].Content!).Texts;
        Assert.Equal(20, rosterPages); // 10,000 members at 500 a page
        Assert.Contains(texts, t => t.Contains("of 10000 members", StringComparison.Ordinal));
        Assert.InRange(Bot.StorageRequests.Total, 1, 10); // one paged learner query (and the team record), not 10,000 reads

        // The manager's report lists the first people, one block each, within Teams' card budget (80,000 bytes as UTF-16).
        var report = (JsonObject)Bot.Connector.Activities.Single(a => a.ConversationId != aggregate.ConversationId).Activity.Attachments![0].Content!;
        Assert.Equal(ProgressCards.MaxRows, report["body"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "Container"));
        Assert.InRange(report.ToJsonString().Length * 2, 1, 80_000);
    }
}
