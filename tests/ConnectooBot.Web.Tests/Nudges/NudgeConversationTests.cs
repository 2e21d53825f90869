using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Tests.BotHosting;
using ConnectooBot.Web.Tests.Delivery;

namespace ConnectooBot.Web.Tests.Nudges;

/// <summary>Channel nudges: offered at install, set by a manager, posted on time exactly once, answered privately.</summary>
public sealed class NudgeConversationTests
{
    private const string TeamId = "19:guichet@thread.tacv2";
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayAtTenBrussels = new(2026, 11, 23, 9, 0, 5, TimeSpan.Zero);
    private readonly TeamsUser _anne = TeamsUser.Create("Anne Lambert", "fr-BE");
    private readonly TeamsUser _bart = TeamsUser.Create("Bart Peeters", "nl-BE");

    [Fact]
    public async Task Offer_AcceptedByTheInstaller_PostsOnMondayOnce_AndAnAnswerIsPrivateAndCountedOnce()
    {
        var time = new FakeTimeProvider(FridayMorning);
        await using var bot = await BotHost.StartAsync(time: time);
        var ui = bot.Services.GetRequiredService<UiContent>();
        var intro = await InstallAsync(bot);
        var accept = intro.Button(ui.Text("fr", "nudges.offer.weekly"));

        var refused = await ClickAsync(bot, _bart, accept);
        var accepted = await ClickAsync(bot, _anne, accept);

        Assert.Equal(ui.Text("nl", "managers.refused"), refused.Title);
        Assert.Equal(ui.Format("fr", "nudges.set", ("day", "lundi"), ("time", "10:00"), ("zone", "heure belge")), accepted.Texts[^1]);
        Assert.DoesNotContain(accepted.Buttons, b => b["verb"]?.GetValue<string>() == "nudges.set");

        bot.Connector.Clear();
        time.SetUtcNow(MondayAtTenBrussels);
        await time.PumpUntilAsync(() => bot.Connector.Activities.Count > 0, TimeSpan.FromMilliseconds(500));
        var posts = bot.Connector.Activities;
        time.Advance(TimeSpan.FromHours(1));
        await time.PumpUntilAsync(() => false, TimeSpan.FromSeconds(1), rounds: 30);

        var nudge = new CardView((JsonObject)Assert.Single(bot.Connector.Activities).Activity.Attachments![0].Content!);
        Assert.Equal(TeamId, posts[0].ConversationId);
        Assert.Equal(ui.Text("fr", "nudge.title"), nudge.Title);

        var answer = nudge.Buttons.Single(b => b["verb"]?.GetValue<string>() == "nudge.answer");
        var course = bot.Services.GetRequiredService<Learning.Catalog.Course>();
        var question = course.FindModule(answer["data"]!["m"]!.GetValue<string>())!.FindQuestion(answer["data"]!["q"]!.GetValue<string>())!;
        var data = answer["data"]!.AsObject().DeepClone().AsObject();
        data["choice"] = question.Correct;
        var result = await ClickAsync(bot, _bart, answer, data);
        await ClickAsync(bot, _bart, answer, data);

        Assert.Equal(ui.Text("nl", "feedback.correct"), result.Texts[1]);
        var learner = (await bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new LearnerKey(bot.Activities.TenantId, _bart.AadObjectId), CancellationToken.None))!.Value;
        Assert.Equal(question.Id, Assert.Single(learner.ReviewAnswers).QuestionId);
        Assert.Single(bot.Connector.Activities); // the result went to Bart's view only: nothing new was posted
    }

    [Fact]
    public async Task TwoHostsOnOneStorage_FireTheSchedule_AndExactlyOnePostArrives_EvenAfterARestart()
    {
        var time = new FakeTimeProvider(FridayMorning);
        var prefix = Azurite.NewTablePrefix();
        await using var first = await BotHost.StartAsync(azurite: true, configure: s => s["Storage:TablePrefix"] = prefix, time: time);
        await using var second = await BotHost.StartAsync(azurite: true, configure: s => s["Storage:TablePrefix"] = prefix, time: time);
        foreach (var host in new[] { first, second })
        {
            host.Connector.SetTeam(new TeamDetails(TeamId, "Guichet", null));
            host.Connector.SetRoster([Member(_anne), Member(_bart)], TeamId);
        }

        await InstallAsync(first);
        using (var set = await first.PostAsync(first.Activities.ChannelMention(_anne, TeamId, TeamId, "relances lundi 10:00")))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        first.Connector.Clear();
        time.SetUtcNow(MondayAtTenBrussels);
        await time.PumpUntilAsync(() => first.Connector.Activities.Count + second.Connector.Activities.Count > 0, TimeSpan.FromMilliseconds(500));
        time.Advance(TimeSpan.FromSeconds(40));
        await time.PumpUntilAsync(() => false, TimeSpan.FromSeconds(1), rounds: 30);

        Assert.Equal(1, first.Connector.Activities.Count + second.Connector.Activities.Count);
        var run = await first.Services.GetRequiredService<IDeliveryLedger>().GetRunAsync($"nudge/{first.Activities.TenantId}/{TeamId}/2026-11-23", CancellationToken.None);
        Assert.Equal((1, 1, true), (run!.Run.Planned, run.Sent, run.IsComplete)); // the delivery ledger, as operators see it

        await using var restarted = await BotHost.StartAsync(azurite: true, configure: s => s["Storage:TablePrefix"] = prefix, time: time);
        restarted.Connector.SetRoster([Member(_anne), Member(_bart)], TeamId);
        time.Advance(TimeSpan.FromMinutes(1));
        await time.PumpUntilAsync(() => false, TimeSpan.FromSeconds(1), rounds: 30);

        Assert.Empty(restarted.Connector.Activities);
        Assert.Equal(1, first.Connector.Activities.Count + second.Connector.Activities.Count);
    }

    /// <summary>
    /// The instance that takes the week's claim dies before queueing the nudge (its claim call never returns): another
    /// instance posts it once the claim's lease has run out, exactly once.
    /// </summary>
    [Fact]
    public async Task InstanceDiesAfterTakingTheClaim_AnotherPostsTheNudgeAfterTheLease_ExactlyOnce()
    {
        var time = new FakeTimeProvider(FridayMorning);
        var prefix = Azurite.NewTablePrefix();
        var power = new PowerCut();
        var dying = await BotHost.StartAsync(
            azurite: true,
            configure: s =>
            {
                s["Storage:TablePrefix"] = prefix;
                s["Delivery:WorkerEnabled"] = "false"; // dead: it sends nothing either
            },
            time: time,
            services: s => s.Decorate<IScheduleClaims>(claims => new DyingScheduleClaims(claims, power)));
        try
        {
            await InstallAsync(dying);
            using (var set = await dying.PostAsync(dying.Activities.ChannelMention(_anne, TeamId, TeamId, "relances lundi 10:00")))
            {
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            }

            dying.Connector.Clear();
            time.SetUtcNow(MondayAtTenBrussels);
            await time.PumpUntilAsync(() => power.IsOff, TimeSpan.FromMilliseconds(500));
            Assert.True(power.IsOff, "the first instance took the week's claim");

            await using var survivor = await BotHost.StartAsync(azurite: true, configure: s => s["Storage:TablePrefix"] = prefix, time: time);
            await time.PumpUntilAsync(() => dying.Connector.Activities.Count > 0, TimeSpan.FromSeconds(20), rounds: 60);
            time.Advance(TimeSpan.FromHours(1));
            await time.PumpUntilAsync(() => false, TimeSpan.FromSeconds(1), rounds: 30); // a second post would arrive now

            var post = Assert.Single(dying.Connector.Activities); // the team's serviceUrl is the connector it was installed through
            Assert.Equal(TeamId, post.ConversationId);
            Assert.Empty(survivor.Connector.Activities);
        }
        finally
        {
            power.Kill();
            await dying.DisposeAsync();
        }
    }

    /// <summary>The roster cannot be read when the week's claim is taken: the lease runs out and the nudge goes out then, once.</summary>
    [Fact]
    public async Task RosterUnreadableAfterTheClaim_TheNudgeIsPostedOnceTheLeaseRunsOut()
    {
        var time = new FakeTimeProvider(FridayMorning);
        await using var bot = await BotHost.StartAsync(time: time);
        await InstallAsync(bot);
        using (var set = await bot.PostAsync(bot.Activities.ChannelMention(_anne, TeamId, TeamId, "relances lundi 10:00")))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        bot.Connector.Clear();
        bot.Connector.FailNext(1, ConnectorFault.Error(403), r => r.Method == "GET" && r.Path.Contains("members", StringComparison.OrdinalIgnoreCase));
        time.SetUtcNow(MondayAtTenBrussels);
        await time.PumpUntilAsync(() => bot.Connector.Activities.Count > 0, TimeSpan.FromSeconds(20), rounds: 60);
        time.Advance(TimeSpan.FromHours(1));
        await time.PumpUntilAsync(() => false, TimeSpan.FromSeconds(1), rounds: 30);

        Assert.Contains(bot.Connector.Requests, r => r.StatusCode == 403); // the first try failed…
        Assert.Equal(TeamId, Assert.Single(bot.Connector.Activities).ConversationId); // …and the nudge still went out, once
    }

    private async Task<CardView> InstallAsync(BotHost bot)
    {
        bot.Connector.SetTeam(new TeamDetails(TeamId, "Guichet", null));
        bot.Connector.SetRoster([Member(_anne), Member(_bart)], TeamId);
        using var response = await bot.PostAsync(bot.Activities.TeamInstall(_anne, TeamId, TeamId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new CardView((JsonObject)bot.Connector.Activities.Last(a => a.ConversationId == TeamId).Activity.Attachments![0].Content!);
    }

    private static async Task<CardView> ClickAsync(BotHost bot, TeamsUser user, JsonObject button, JsonObject? data = null)
    {
        var activity = bot.Activities.ChannelExecute(user, TeamId, TeamId, "1", button["verb"]!.GetValue<string>(), data ?? button["data"]!.AsObject());
        using var response = await bot.PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new CardView(body["value"]!.AsObject());
    }


    private static TeamsChannelAccount Member(TeamsUser user) => new() { Id = user.AccountId, AadObjectId = user.AadObjectId, Name = user.Name };
}
