using System.Text.Json.Nodes;
using ConnectooBot.Learning.Scheduling;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.Delivery;

namespace ConnectooBot.Web.Tests.ScaleOut;

/// <summary>
/// Scale-out, proven with real processes: two (or more) instances of the host on one Azurite, as App Service runs
/// them. The same activity delivered to both is answered once; two instances issuing one learner's badge at once make
/// one badge; an instance killed (SIGKILL) between saving the progress and issuing the badge still leads to exactly one
/// badge on re-delivery; a weekly nudge whose instance dies after taking the claim is posted by another, once.
/// Runs with the other load tests (alone, after the parallel ones); about 30 s.
/// </summary>
[Trait("Category", "ScaleOut")]
[Collection(AzuriteLoadCollection.Name)]
public sealed class TwoInstanceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private const string HeldLine = "is held and will not return"; // Storage:Faults' warning when it stops a call
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SameActivity_DeliveredToBothInstances_IsAnsweredOnce()
    {
        var learner = new HttpLearner(instances, "Sam Dubois");
        var help = learner.Message("help");

        var first = await HttpLearner.PostAsync(instances.FirstClient, help);
        var answeredByFirst = SentTo(learner.ConversationId).Count;
        var second = await HttpLearner.PostAsync(instances.SecondClient, help); // Teams' re-delivery lands on the other instance

        Assert.Equal((200, 200), (first.Status, second.Status));
        Assert.True(answeredByFirst > 0, "the first instance answered");
        Assert.Equal(answeredByFirst, SentTo(learner.ConversationId).Count);
    }

    [Fact]
    public async Task BadgeRequested_OnBothInstancesAtOnce_GivesOneBadge()
    {
        // The course is completed on the first instance, whose first badge-store call fails: complete, no badge yet.
        var learner = new HttpLearner(instances, "Lotte Maes", "nl-BE");
        var completing = await learner.UpToTheLastResultAsync(instances.FirstClient);
        var failed = await HttpLearner.PostAsync(instances.FirstClient, completing);
        Assert.Equal(503, failed.Status);
        Assert.Empty(await instances.Badges.FindByLearnerAsync(learner.Key, CancellationToken.None));

        var replies = await Task.WhenAll(
            HttpLearner.PostAsync(instances.FirstClient, learner.Message("badge")),
            HttpLearner.PostAsync(instances.SecondClient, learner.Message("badge")));

        Assert.All(replies, r => Assert.Equal(200, r.Status));
        var badge = Assert.Single(await instances.Badges.FindByLearnerAsync(learner.Key, CancellationToken.None));
        var shown = BadgeIdsShownIn(learner.ConversationId);
        Assert.Equal(2, shown.Count); // each instance answered with the badge card…
        Assert.All(shown, id => Assert.Equal(badge.BadgeId, id)); // …of the one badge
    }

    [Fact]
    public async Task InstanceKilledBetweenProgressAndBadge_RedeliveryToAnotherGivesExactlyOneBadge()
    {
        await using var doomed = await instances.StartAsync(new Dictionary<string, string>
        {
            ["Storage__Faults__BadgeStoreHolds"] = "1",
            ["Delivery__WorkerEnabled"] = "false",
        });
        using var doomedClient = doomed.CreateClient();
        var learner = new HttpLearner(instances, "Yusuf Aydin", "fr-BE");
        var completing = await learner.UpToTheLastResultAsync(doomedClient);

        var cut = HttpLearner.PostAsync(doomedClient, completing);
        Assert.True(await doomed.WaitForOutputAsync(HeldLine, Patience), "the turn reached the badge store after saving the progress");
        await doomed.KillAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => cut); // the connection died with the instance
        Assert.Empty(await instances.Badges.FindByLearnerAsync(learner.Key, CancellationToken.None));
        Assert.Empty(BadgeIdsShownIn(learner.ConversationId));

        // Teams re-delivers (again after a 503: the dead instance's turn may still hold the activity until its lease ends).
        var redelivered = await HttpLearner.RedeliverAsync(instances.SecondClient, completing, Patience);
        var again = await HttpLearner.RedeliverAsync(instances.FirstClient, completing, Patience); // and once more, to the other one

        Assert.Equal((200, 200), (redelivered.Status, again.Status));
        var badge = Assert.Single(await instances.Badges.FindByLearnerAsync(learner.Key, CancellationToken.None));
        Assert.Equal([badge.BadgeId], BadgeIdsShownIn(learner.ConversationId));
    }

    [Fact]
    public async Task NudgeClaimedByAnInstanceThatDies_IsPostedByAnother_Once()
    {
        var teamId = $"19:{Guid.NewGuid():N}@thread.tacv2";
        var member = TeamsUser.Create("Anne Lambert", "fr-BE");
        instances.Connector.SetTeam(new TeamDetails(teamId, "Guichet", null));
        instances.Connector.SetRoster([new TeamsChannelAccount { Id = member.AccountId, AadObjectId = member.AadObjectId, Name = member.Name }], teamId);
        await instances.Teams.InsertAsync(TeamDueAMinuteAgo(teamId), CancellationToken.None);
        var schedulerOn = new Dictionary<string, string>
        {
            ["Nudges__SchedulerEnabled"] = "true",
            ["Nudges__TickInterval"] = "00:00:01",
            ["Nudges__ClaimLease"] = "00:00:03",
        };

        await using var doomed = await instances.StartAsync(new Dictionary<string, string>(schedulerOn)
        {
            ["Storage__Faults__ScheduleLeaseHolds"] = "1",
            ["Delivery__WorkerEnabled"] = "false",
        });
        Assert.True(await doomed.WaitForOutputAsync(HeldLine, Patience), "the first instance took the week's claim");
        await doomed.KillAsync();
        Assert.Empty(SentTo(teamId));

        await using var survivor = await instances.StartAsync(schedulerOn);
        var deadline = DateTime.UtcNow + Patience;
        while (SentTo(teamId).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(4)); // longer than a lease and a tick: a second post would arrive now
        var post = Assert.Single(SentTo(teamId));
        Assert.Equal(ActivityOperation.Send, post.Operation);
    }

    private TeamRecord TeamDueAMinuteAgo(string teamId)
    {
        const string Zone = "Europe/Brussels";
        var now = DateTimeOffset.UtcNow;
        var due = TimeZoneInfo.ConvertTime(now.AddMinutes(-1), TimeZoneInfo.FindSystemTimeZoneById(Zone));
        return new TeamRecord
        {
            TenantId = instances.Activities.TenantId,
            TeamId = teamId,
            Name = "Guichet",
            ServiceUrl = instances.Connector.ServiceUrl,
            ChannelId = teamId,
            Locale = "fr-BE",
            Nudges = new WeeklySchedule(due.DayOfWeek, new TimeOnly(due.Hour, due.Minute), Zone),
            NudgesSince = now.AddDays(-1),
            InstalledAt = now.AddDays(-1),
        };
    }

    private List<RecordedActivity> SentTo(string conversationId) =>
        [.. instances.Connector.Activities.Where(a => a.ConversationId == conversationId)];

    /// <summary>The badge id of every badge card the learner was shown, in order.</summary>
    private List<string> BadgeIdsShownIn(string conversationId) =>
        [.. SentTo(conversationId)
            .Select(a => a.Activity.Attachments?.FirstOrDefault()?.Content as JsonObject)
            .OfType<JsonObject>()
            .SelectMany(card => card["actions"]?.AsArray() ?? [])
            .Where(action => action?["verb"]?.GetValue<string>() == "badge.share")
            .Select(action => action!["data"]!["b"]!.GetValue<string>())];
}
