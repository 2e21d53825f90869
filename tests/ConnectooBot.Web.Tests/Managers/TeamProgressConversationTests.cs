using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Managers;

/// <summary>Managers and team progress, as a team channel and a manager's private chat see them.</summary>
public sealed class TeamProgressConversationTests : IAsyncLifetime
{
    private const string TeamId = "19:guichet@thread.tacv2";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TeamsUser _anne = TeamsUser.Create("Anne Lambert", "fr-BE");
    private readonly TeamsUser _bart = TeamsUser.Create("Bart Peeters", "nl-BE");
    private BotHost _bot = null!;

    private UiContent Ui => _bot.Services.GetRequiredService<UiContent>();

    private Learning.Catalog.Course Course => _bot.Services.GetRequiredService<Learning.Catalog.Course>();

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Installer_IsTheFirstManager_AndCanAddAnother_WhileANonManagerIsRefused()
    {
        await InstallAsync(_anne, _bart, TeamsUser.Create("Chris"));

        var listed = await SayInChannelAsync(_anne, "responsables");
        Assert.StartsWith(Ui.Format("fr", "managers.list", ("names", "Anne Lambert")), Assert.Single(listed), StringComparison.Ordinal);

        var refused = await SayInChannelAsync(_bart, "beheerders toevoegen", _bart);
        Assert.Contains(Ui.Text("nl", "managers.refused"), refused);

        var added = await SayInChannelAsync(_anne, "responsables ajouter", _bart);
        Assert.Contains(Ui.Format("fr", "managers.added", ("names", "Bart Peeters")), added);
        var team = (await _bot.Services.GetRequiredService<ITeamStore>().FindAsync(_bot.Activities.TenantId, TeamId, CancellationToken.None))!.Value;
        Assert.Equal([_anne.AadObjectId, _bart.AadObjectId], team.Managers.Select(m => m.UserId));
    }

    [Fact]
    public async Task Progress_InASmallTeam_WithholdsTheAggregate_ButSendsTheManagerTheTablePrivately()
    {
        var members = new[] { _anne, _bart, TeamsUser.Create("Chris") };
        await InstallAsync(members);
        await SeedLearnersAsync(members, modulesPassed: 1);
        _bot.Connector.Clear();

        var said = await SayInChannelAsync(_anne, "progression");

        Assert.Contains(Ui.Format("fr", "progress.withheld", ("minimum", 5)), said);
        Assert.DoesNotContain(said, s => s.Contains("Anne Lambert", StringComparison.Ordinal) || s.Contains("Bart", StringComparison.Ordinal));
        var created = Assert.Single(_bot.Connector.CreatedConversations);
        var privateCard = PrivateCards(created.ConversationId).Single();
        Assert.Contains("Bart Peeters", privateCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(3, privateCard["body"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "Container")); // one block per person
    }

    [Fact]
    public async Task Progress_AskedByANonManager_ShowsOnlyTheAggregate_AndSendsNothingPrivately()
    {
        var members = Enumerable.Range(0, 6).Select(i => TeamsUser.Create($"Agent {i}", "en-US")).Prepend(_anne).ToArray();
        await InstallAsync(members);
        await SeedLearnersAsync(members.Skip(1).ToArray(), modulesPassed: 2);
        _bot.Connector.Clear();

        var said = await SayInChannelAsync(members[3], "progress"); // an en-US client, French stored with the learner

        Assert.Contains(Ui.Format("fr", "progress.started", ("started", 6), ("members", 7)), said);
        Assert.Contains(said, s => s.Contains(Ui.Format("fr", "progress.badges", ("badges", Course.Modules.Count <= 2 ? 6 : 0)), StringComparison.Ordinal));
        Assert.Empty(_bot.Connector.CreatedConversations);
        Assert.DoesNotContain(said, s => s.Contains("Agent 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CsvLink_DownloadsEveryone_ForTheManagerOnly_AndRejectsTamperedLinks()
    {
        var members = Enumerable.Range(0, 5).Select(i => TeamsUser.Create($"=cmd|' /C calc'!A{i}", "fr-BE")).Prepend(_anne).ToArray();
        await InstallAsync(members);
        await SeedLearnersAsync(members, modulesPassed: 1);
        _bot.Connector.Clear();
        await SayInChannelAsync(_anne, "progression");
        var card = PrivateCards(Assert.Single(_bot.Connector.CreatedConversations).ConversationId).Single();
        var url = new Uri(card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>());

        using var csv = await _bot.Client.GetAsync(url.PathAndQuery);
        var text = await csv.Content.ReadAsStringAsync();
        using var tampered = await _bot.Client.GetAsync(url.PathAndQuery.Replace("t=", "t=A", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(7, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + 6 people
        Assert.Contains("Anne Lambert", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=cmd", text, StringComparison.Ordinal); // formula cells are escaped
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
    }

    [Fact]
    public async Task PersonalProgress_ForAManager_OffersTheirTeams_AndAForgedTeamIsRefused()
    {
        await InstallAsync(_anne, _bart);
        var anne = _bot.PersonalChat(_anne);
        await anne.InstallAsync();

        var reply = await anne.SendAsync("progression");
        Assert.Contains(reply.Sent, s => s.Activity.Attachments![0].Content!.ToJsonString().Contains("progress.team", StringComparison.Ordinal));
        var picked = await anne.ClickAsync("Guichet");
        Assert.Contains(Ui.Format("fr", "progress.detail.title", ("team", "Guichet")), picked.Card.Texts);

        var bart = _bot.PersonalChat(_bart);
        await bart.InstallAsync();
        var forged = await bart.PostAsync(_bot.Activities.Execute(_bart, bart.ConversationId, "1", "progress.team", new JsonObject { ["team"] = TeamId }));
        Assert.Equal(Ui.Text("nl", "progress.unknownTeam"), forged.Card.Title);
    }

    private async Task InstallAsync(params TeamsUser[] members)
    {
        _bot.Connector.SetTeam(new TeamDetails(TeamId, "Guichet", null));
        _bot.Connector.SetRoster(members.Select(m => new TeamsChannelAccount { Id = m.AccountId, AadObjectId = m.AadObjectId, Name = m.Name }), TeamId);
        using var response = await _bot.PostAsync(_bot.Activities.TeamInstall(members[0], TeamId, TeamId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task SeedLearnersAsync(IEnumerable<TeamsUser> users, int modulesPassed)
    {
        var store = _bot.Services.GetRequiredService<ILearnerStore>();
        foreach (var user in users)
        {
            var progress = Learning.Progress.CourseProgress.Empty;
            foreach (var module in Course.Modules.Take(modulesPassed))
            {
                progress = progress.With(progress.Module(module.Id) with
                {
                    Attempts = [new Learning.Progress.QuizAttempt { Number = 1, QuestionIds = ["q"], StartedAt = Now, FinishedAt = Now, ContentVersion = Course.Version, Passed = true }],
                });
            }

            await store.InsertAsync(new Learner { Key = new LearnerKey(_bot.Activities.TenantId, user.AadObjectId), Language = "fr", DisplayName = user.Name, FirstSeen = Now, LastActive = Now, Progress = progress }, CancellationToken.None);
        }
    }

    /// <summary>Posts "@Connectoo text" in the team's General channel, mentioning <paramref name="mentions"/>; returns every text the bot wrote there.</summary>
    private async Task<List<string>> SayInChannelAsync(TeamsUser user, string text, params TeamsUser[] mentions)
    {
        var activity = _bot.Activities.ChannelMention(user, TeamId, TeamId, text + string.Concat(mentions.Select(m => $" <at>{m.Name}</at>")));
        activity.Entities = [.. activity.Entities!, .. mentions.Select(m => new Entity { Type = "mention", Text = $"<at>{m.Name}</at>", Mentioned = new ChannelAccount { Id = m.AccountId, Name = m.Name } })];
        var before = _bot.Connector.Activities.Count;
        using var response = await _bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. _bot.Connector.Activities.Skip(before)
            .Where(a => a.ConversationId.StartsWith(TeamId, StringComparison.Ordinal))
            .SelectMany(a => new CardView((JsonObject)a.Activity.Attachments![0].Content!).Texts)];
    }

    private List<JsonObject> PrivateCards(string conversationId) =>
        [.. _bot.Connector.Activities.Where(a => a.ConversationId == conversationId).Select(a => (JsonObject)a.Activity.Attachments![0].Content!)];
}
