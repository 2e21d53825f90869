using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Storage.Content;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Managers;

/// <summary>
/// The manager's side (issue 14, problem 6), as a French-speaking manager on a client that sends en-US with every
/// activity (the Agents Playground, many real clients): everything in the manager's stored language, a per-person
/// report readable at the narrowest card width with the module each person is on, the team introduction in the
/// installer's language, and the privacy rules unchanged.
/// </summary>
public sealed partial class ManagerSideConversationTests : IAsyncLifetime
{
    private readonly TeamsUser _amelie = TeamsUser.Create("Amélie Dubois", "en-US");
    private readonly TeamsUser _bart = TeamsUser.Create("Bart Peeters", "nl-BE");
    private BotHost _bot = null!;

    private UiContent Ui => _bot.Services.GetRequiredService<UiContent>();

    private Learning.Catalog.Course Course => _bot.Services.GetRequiredService<Learning.Catalog.Course>();

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task FrenchManager_OnAnEnglishClient_TypesProgressInAChannel_GetsTheAggregateTheReportAndTheCsvInFrench()
    {
        var agents = Enumerable.Range(1, 5).Select(i => TeamsUser.Create($"Agent {i}", "en-US")).ToArray();
        var team = new TeamChannel(_bot, [_amelie, .. agents]);
        await ChooseFrenchAsync(_amelie);
        await team.InstallAsync();
        await team.SeedLearnersAsync(agents, modulesPassed: 1, language: "en");
        _bot.Connector.Clear();

        var aggregate = Assert.Single(await team.SayAsync(_amelie, "progress"));
        var report = Assert.Single(team.PrivateCards());

        Assert.Equal(Ui.Format("fr", "progress.title", ("team", "Guichet")), aggregate.Title);
        Assert.Contains(Ui.Format("fr", "progress.started", ("started", 5), ("members", 6)), aggregate.Texts);
        Assert.Contains(Ui.Text("fr", "progress.private"), aggregate.Texts);
        Assert.Equal(Ui.Format("fr", "progress.detail.title", ("team", "Guichet")), report.Title);
        Assert.Contains(Ui.Format("fr", "progress.person.passed", ("passed", 1), ("total", Course.Modules.Count)), report.Texts);
        var download = OpenUrl(report);
        Assert.Equal(Ui.Text("fr", "progress.detail.csv"), download["title"]!.GetValue<string>());
        Assert.Contains(Ui.Format("fr", "progress.detail.csvNote", ("minutes", 15)), report.Texts);

        using var csv = await _bot.Client.GetAsync(new Uri(download["url"]!.GetValue<string>()).PathAndQuery);
        var header = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r');
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(string.Join(',', new[] { "name", "passed", "current", "last", "badge" }.Select(c => Ui.Text("fr", "progress.detail." + c))), header);
    }

    [Fact]
    public async Task ManagersCommands_AnswerInTheSendersStoredLanguage_ElseInTheirLocale()
    {
        var team = new TeamChannel(_bot, _amelie, _bart);
        await ChooseFrenchAsync(_amelie);
        await team.InstallAsync();
        var amelie = _bot.PersonalChat(_amelie);

        var listed = Assert.Single(await team.SayAsync(_amelie, "managers"));
        var added = Assert.Single(await team.SayAsync(_amelie, "managers add", _bart));
        var removed = Assert.Single(await team.SayAsync(_amelie, "managers remove", _bart));
        var refused = Assert.Single(await team.SayAsync(_bart, "managers add", _bart)); // Bart: no learner record, nl-BE
        var elsewhere = await amelie.SendAsync("managers");

        Assert.StartsWith(Ui.Format("fr", "managers.list", ("names", "Amélie Dubois")), listed.Title, StringComparison.Ordinal);
        Assert.Contains(Ui.Text("fr", "managers.admins"), listed.Title, StringComparison.Ordinal);
        Assert.Equal(Ui.Format("fr", "managers.added", ("names", "Bart Peeters")), added.Title);
        Assert.Equal(Ui.Format("fr", "managers.removed", ("names", "Bart Peeters")), removed.Title);
        Assert.Equal(Ui.Text("nl", "managers.refused"), refused.Title);
        Assert.Equal(Ui.Format("fr", "channel.only", ("command", Ui.CommandWord("fr", "managers"))), elsewhere.Card.Title);
    }

    [Fact]
    public async Task PerPersonReport_IsOneShortBlockPerPerson_NamingTheModuleThePersonIsActuallyOn()
    {
        var (chloe, dirk, elif, frank) = (TeamsUser.Create("Chloé Martin"), TeamsUser.Create("Dirk Claes"), TeamsUser.Create("Elif Yilmaz"), TeamsUser.Create("Frank Hermans"));
        var team = new TeamChannel(_bot, _amelie, chloe, dirk, elif, frank);
        await team.SeedAsync(_amelie, "fr", CourseProgress.Empty);
        await team.InstallAsync();
        var modules = Course.Modules;

        // Chloé passed module 1 and her saved position is still its last question: she is on module 2, not 1.
        await team.SeedAsync(chloe, "fr", team.Passed(CourseProgress.Empty, 1) with { Current = new Position(modules[0].Id, PositionKind.Quiz, 7) });
        await team.SeedAsync(dirk, "nl", CourseProgress.Empty with { Current = new Position(modules[2].Id, PositionKind.Lesson, 1) });
        await team.SeedAsync(elif, "de", team.Passed(CourseProgress.Empty, modules.Count) with { Current = new Position(modules[^1].Id, PositionKind.Quiz, 7) });
        _bot.Connector.Clear();

        await team.SayAsync(_amelie, "progress");
        var report = Assert.Single(team.PrivateCards());
        var people = report.Json["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "Container").ToList();

        Assert.DoesNotContain(Types(report.Json), t => t is "Table" or "TableRow" or "ColumnSet");
        Assert.Equal(["Amélie Dubois", "Chloé Martin", "Dirk Claes", "Elif Yilmaz", "Frank Hermans"], people.Select(p => Texts(p)[0]));
        Assert.All(people, p => Assert.Equal("heading", p["items"]![0]!["style"]!.GetValue<string>()));
        Assert.All(people, p => Assert.InRange(Texts(p).Count, 2, 4)); // the name and two or three short facts
        Assert.DoesNotContain(report.Texts, t => NumberedList().IsMatch(t)); // "2. Title" would be a Markdown list
        Assert.Equal(
            [Ui.Format("fr", "progress.person.passed", ("passed", 1), ("total", modules.Count)), CurrentText(modules[1]), LastActive()],
            Texts(Person(people, "Chloé Martin")).Skip(1));
        Assert.Equal(
            [Ui.Format("fr", "progress.person.passed", ("passed", 0), ("total", modules.Count)), CurrentText(modules[2]), LastActive()],
            Texts(Person(people, "Dirk Claes")).Skip(1));
        Assert.Equal([Ui.Format("fr", "progress.person.badge", ("total", modules.Count)), LastActive()], Texts(Person(people, "Elif Yilmaz")).Skip(1));
        Assert.Equal([Ui.Text("fr", "progress.person.notStarted")], Texts(Person(people, "Frank Hermans")).Skip(1));
    }

    [Fact]
    public async Task TeamIntro_ByAnInstallerWhoChoseFrench_OnAnEnglishClient_IsInFrench_AndStaysFrenchWhenTheOfferIsAccepted()
    {
        var team = new TeamChannel(_bot, _amelie, _bart);
        await ChooseFrenchAsync(_amelie);

        var intro = await team.InstallAsync();
        var accepted = await team.ClickAsync(_amelie, intro, Ui.Text("fr", "nudges.offer.weekly"));

        Assert.Equal(Ui.Text("fr", "team.title"), intro.Title);
        Assert.Equal(Ui.Text("fr", "team.title"), accepted.Title);
        Assert.Equal(Ui.Format("fr", "nudges.set", ("day", "lundi"), ("time", "10:00"), ("zone", "heure belge")), accepted.Texts[^1]);
    }

    [Fact]
    public async Task TheIntroductionsOffer_ClickedAfterAScheduleWasSetByCommand_ChangesNothing_AndSaysWhatIsScheduled()
    {
        var team = new TeamChannel(_bot, _amelie, _bart);
        await ChooseFrenchAsync(_amelie);
        var intro = await team.InstallAsync();
        await team.SayAsync(_amelie, "relances mardi 9:30");

        var late = await team.ClickAsync(_amelie, intro, Ui.Text("fr", "nudges.offer.weekly"));

        var stored = (await _bot.Services.GetRequiredService<Learning.Ports.ITeamStore>().FindAsync(_bot.Activities.TenantId, TeamChannel.TeamId, CancellationToken.None))!.Value;
        Assert.Equal(DayOfWeek.Tuesday, stored.Nudges!.Day);
        Assert.Equal(new TimeOnly(9, 30), stored.Nudges.Time);
        Assert.StartsWith(Ui.Format("fr", "nudges.current", ("day", "mardi"), ("time", "09:30"), ("zone", "heure belge")), late.Texts[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-BE", "fr")]
    [InlineData("nl-BE", "nl")]
    [InlineData("de-BE", "de")]
    public async Task TeamIntro_FromAnInstallerWithoutAStoredLanguage_FollowsTheInstallLocale(string locale, string language)
    {
        var installer = TeamsUser.Create("Installer", locale);

        var intro = await new TeamChannel(_bot, installer).InstallAsync();

        Assert.Equal(Ui.Text(language, "team.title"), intro.Title);
        Assert.Equal(Ui.Text(language, "nudges.offer.weekly"), intro.Buttons[0]["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task SmallTeam_TheAggregateIsWithheldInTheAskersLanguage_AndNamesReachOnlyTheManagerPrivately()
    {
        var chloe = TeamsUser.Create("Chloé Martin", "en-US");
        var team = new TeamChannel(_bot, _amelie, _bart, chloe);
        await ChooseFrenchAsync(_amelie);
        await team.InstallAsync();
        await team.SeedLearnersAsync([_bart], modulesPassed: 1, language: "de");
        await team.SeedLearnersAsync([chloe], modulesPassed: 2, language: "nl");
        _bot.Connector.Clear();

        var toManager = Assert.Single(await team.SayAsync(_amelie, "progress"));
        var report = Assert.Single(team.PrivateCards());
        _bot.Connector.Clear();
        var toMember = Assert.Single(await team.SayAsync(_bart, "progress")); // stored de, nl-BE client

        Assert.Contains(Ui.Format("fr", "progress.withheld", ("minimum", 5)), toManager.Texts);
        Assert.Contains(Ui.Format("de", "progress.withheld", ("minimum", 5)), toMember.Texts);
        Assert.DoesNotContain(toManager.Texts.Concat(toMember.Texts), t => t.Contains("Bart", StringComparison.Ordinal) || t.Contains("Chloé", StringComparison.Ordinal));
        Assert.Empty(_bot.Connector.CreatedConversations); // nothing private for a member who does not manage the team
        Assert.Contains("Chloé Martin", report.Texts);
        Assert.Equal(Ui.Format("fr", "progress.detail.title", ("team", "Guichet")), report.Title);
    }

    [Fact]
    public async Task InAChannel_AFrenchSpeakerOnAnEnglishClient_GetsHelpUnknownTextAndLearnerButtonsAnsweredInFrench()
    {
        var team = new TeamChannel(_bot, _amelie, _bart);
        await ChooseFrenchAsync(_amelie);
        await team.InstallAsync();
        _bot.Connector.Clear();

        var help = Assert.Single(await team.SayAsync(_amelie, "help"));
        var unknown = await SaidInChannelAsync(team, _amelie, "quelle météo demain");
        var bareMention = Assert.Single(await team.SayAsync(_amelie, ""));
        var start = await ChannelClickAsync(_amelie, "course.start");
        var answer = await ChannelClickAsync(_amelie, "quiz.answer");
        var unknownButton = await ChannelClickAsync(_amelie, "no.such.verb");

        Assert.Equal(Ui.Text("fr", "channelhelp.title"), help.Title);
        Assert.Equal(Ui.Text("fr", "prompt.channel").Replace("${input}", "quelle météo demain", StringComparison.Ordinal).Replace("${command.help}", "aide", StringComparison.Ordinal), unknown.Text);
        Assert.True(unknown.Attachments is null or { Count: 0 }, "one line in a channel, no learner card with a Start that leads nowhere");
        Assert.Equal(Ui.Text("fr", "channelhelp.title"), bareMention.Title);
        Assert.Equal(Ui.Text("fr", "team.title"), start.Title);
        Assert.Equal(Ui.Text("fr", "team.title"), answer.Title);
        Assert.Equal(Ui.Text("fr", "stale.text"), unknownButton.Title);
    }

    [Fact]
    public async Task ManagersList_AnInstallerStoredWithoutAName_IsNamedFromTheRoster_NotShownAsAQuestionMark()
    {
        _bot.Connector.SetTeam(new Protocol.Schema.TeamDetails(TeamChannel.TeamId, "Guichet", null));
        _bot.Connector.SetRoster([new Protocol.Schema.TeamsChannelAccount { Id = _amelie.AccountId, AadObjectId = _amelie.AadObjectId, Name = _amelie.Name }], TeamChannel.TeamId);
        var install = _bot.Activities.TeamInstall(_amelie, TeamChannel.TeamId, TeamChannel.TeamId);
        install.From!.Name = null; // as the Agents Playground (and some installations) send it
        using (var installed = await _bot.PostAsync(install))
        {
            Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        }

        var listed = Assert.Single(await new TeamChannel(_bot, _amelie).SayAsync(_amelie, "managers"));

        Assert.Contains(Ui.Format("en", "managers.list", ("names", "Amélie Dubois")), listed.Texts[0], StringComparison.Ordinal);
    }

    private async Task<Protocol.Schema.Activity> SaidInChannelAsync(TeamChannel team, TeamsUser user, string text)
    {
        var before = _bot.Connector.Activities.Count;
        await team.SayAsync(user, text);
        return Assert.Single(_bot.Connector.Activities.Skip(before), a => a.ConversationId.StartsWith(TeamChannel.TeamId, StringComparison.Ordinal)).Activity;
    }

    private async Task<CardView> ChannelClickAsync(TeamsUser user, string verb)
    {
        using var response = await _bot.PostAsync(_bot.Activities.ChannelExecute(user, TeamChannel.TeamId, TeamChannel.TeamId, "1", verb, new JsonObject()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new CardView(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.AsObject());
    }

    /// <summary>The manager's own chat: installed from an en-US client, then French chosen on the language card.</summary>
    private async Task ChooseFrenchAsync(TeamsUser user)
    {
        var chat = _bot.PersonalChat(user);
        await chat.InstallAsync();
        await chat.SendAsync("language");
        var chosen = await chat.ClickAsync("Français");
        Assert.Equal(HttpStatusCode.OK, chosen.Status);
    }

    private string CurrentText(Learning.Catalog.Module module) =>
        Ui.Format("fr", "progress.person.current", ("number", module.Number), ("title", module.Texts["fr"].Title));

    private string LastActive() => Ui.Format("fr", "progress.person.last", ("date", "23 novembre 2026"));

    private static JsonObject Person(List<JsonObject> people, string name) => people.Single(p => Texts(p)[0] == name);

    private static List<string> Texts(JsonObject container) =>
        [.. container["items"]!.AsArray().OfType<JsonObject>().Where(i => i["type"]!.GetValue<string>() == "TextBlock").Select(i => i["text"]!.GetValue<string>())];

    private static JsonObject OpenUrl(CardView card) =>
        card.Json["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["type"]!.GetValue<string>() == "Action.OpenUrl");

    private static IEnumerable<string> Types(JsonNode? node) => node switch
    {
        JsonObject o => (o["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? [t] : Array.Empty<string>()).Concat(o.SelectMany(p => Types(p.Value))),
        JsonArray a => a.SelectMany(Types),
        _ => [],
    };

    [GeneratedRegex(@"^\s*\d+\.\s")]
    private static partial Regex NumberedList();
}
