using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Viva;
using ConnectooBot.Storage.InMemory;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Graph;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ConnectooBot.Web.Tests.VivaLearning;

/// <summary>A crash between the POST and storing its id, throttling, and the disabled default.</summary>
public sealed class VivaResilienceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CrashBetweenPostAndStoringTheId_NextPassFindsItByExternalId_NoSecondPost()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var store = new CrashAfterPostStore(new InMemoryVivaSyncStore());
        await using var viva = await VivaHost.StartAsync(time: time, services: s =>
        {
            s.RemoveAll<IVivaSyncStore>();
            s.AddSingleton<IVivaSyncStore>(store);
        });
        var user = TeamsUser.Create("Jef", "nl-BE");
        var chat = viva.Bot.PersonalChat(user);
        var module = viva.Bot.Services.GetRequiredService<Learning.Catalog.Course>().Modules[0];
        await chat.InstallAsync();
        viva.Graph.ClearRequests();

        store.CrashNextIdWrite = true;
        await new CourseWalk(viva.Bot, chat, "nl").OpenAsync(module.Id);
        await viva.SyncAsync(user); // POST accepted, then the "crash" before its id is stored
        time.Advance(VivaRules.ClaimLifetime); // the claim of the dead instance runs out
        await viva.SyncAsync(user);

        foreach (var request in viva.Graph.Requests)
        {
            output.WriteLine(request.ToString());
        }

        var activity = Assert.Single(viva.Graph.Activities);
        Assert.Equal(1, viva.Graph.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(["GET 404", "POST 201", "GET 200", "PATCH 204"], viva.Graph.Requests.Select(r => $"{r.Method} {r.Status}"));
        var row = Assert.Single(await viva.Store.ListActivitiesAsync(VivaHost.Key(user), CancellationToken.None));
        Assert.Equal(activity["id"]!.GetValue<string>(), row.Value.GraphId);
        Assert.Contains(viva.Bot.Logs.Lines, l => l.EventId == 3906);
        Assert.Empty(viva.Graph.Violations);
    }

    [Fact]
    public async Task Throttled_RetryAfterIsHonoured_ThenTheRequestGoesThrough()
    {
        await using var viva = await VivaHost.StartAsync();
        var user = TeamsUser.Create("Hanna", "de-DE");
        var chat = viva.Bot.PersonalChat(user);
        var module = viva.Bot.Services.GetRequiredService<Learning.Catalog.Course>().Modules[0];
        await chat.InstallAsync();
        viva.Graph.ClearRequests();
        viva.Graph.FailNext(1, 429, TimeSpan.FromSeconds(2), "POST");
        viva.Graph.FailNext(1, 503, TimeSpan.FromSeconds(1), "PATCH");

        var walk = new CourseWalk(viva.Bot, chat, "de");
        await walk.OpenAsync(module.Id);
        await viva.SyncAsync(user);
        await walk.PassQuizAsync(module.Id);
        await viva.SyncAsync(user);

        var requests = viva.Graph.Requests;
        var arrivals = requests.Select(r => r.At).ToList();
        foreach (var request in requests)
        {
            output.WriteLine(request.ToString());
        }

        Assert.Equal(["GET 404", "POST 429", "POST 201", "PATCH 503", "PATCH 204"], requests.Select(r => $"{r.Method} {r.Status}"));
        Assert.True(arrivals[2] - arrivals[1] >= TimeSpan.FromSeconds(1.9), $"the POST was retried after {arrivals[2] - arrivals[1]}, before its Retry-After of 2 s");
        Assert.True(arrivals[4] - arrivals[3] >= TimeSpan.FromSeconds(0.9), $"the PATCH was retried after {arrivals[4] - arrivals[3]}, before its Retry-After of 1 s");
        Assert.Equal("completed", Assert.Single(viva.Graph.Activities)["status"]!.GetValue<string>());
        Assert.Empty(viva.Graph.Violations);
    }

    [Fact]
    public async Task APostThatTimedOutAfterGraphDidTheWork_IsNotRepeated_TheNextPassFindsIt()
    {
        await using var viva = await VivaHost.StartAsync();
        var user = TeamsUser.Create("Marc", "fr-BE");
        var chat = viva.Bot.PersonalChat(user);
        var module = viva.Bot.Services.GetRequiredService<Learning.Catalog.Course>().Modules[0];
        await chat.InstallAsync();
        viva.Graph.ClearRequests();
        viva.Graph.FailNextAfterProcessing("POST", 504);

        await new CourseWalk(viva.Bot, chat, "fr").OpenAsync(module.Id);
        await viva.SyncAsync(user); // the POST created it, but its answer was lost: not retried by the SDK
        await viva.SyncAsync(user); // the claim was given back: GET finds it

        Assert.Equal(["GET 404", "POST 504", "GET 200", "PATCH 204"], viva.Graph.Requests.Select(r => $"{r.Method} {r.Status}"));
        var activity = Assert.Single(viva.Graph.Activities);
        Assert.Equal(activity["id"]!.GetValue<string>(), Assert.Single(await viva.Store.ListActivitiesAsync(VivaHost.Key(user), CancellationToken.None)).Value.GraphId);
        Assert.Empty(viva.Graph.Violations);
    }

    [Fact]
    public async Task DisabledByDefault_NoGraphClient_NoRequestAtAll()
    {
        await using var graph = await VivaLearningStandIn.StartAsync(VivaHost.RegistrationId, "unused");
        await using var bot = await BotHost.StartAsync(configure: s =>
        {
            // Everything but Enabled: the sync stays off.
            s["VivaLearning:RegistrationId"] = VivaHost.RegistrationId;
            s["VivaLearning:GraphBaseUrl"] = graph.BaseUrl.ToString();
        });
        var user = TeamsUser.Create("Lina", "en-GB");
        var chat = bot.PersonalChat(user);
        var module = bot.Services.GetRequiredService<Learning.Catalog.Course>().Modules[0];
        await chat.InstallAsync();
        var walk = new CourseWalk(bot, chat, "en");
        await walk.OpenAsync(module.Id);
        await walk.PassQuizAsync(module.Id);
        await chat.SendAsync("delete my data");
        var done = await chat.ClickAsync(Ui(bot).Text("en", "delete.confirm"));
        await Task.Delay(500);

        Assert.Empty(graph.Requests);
        Assert.Null(bot.Services.GetService<Microsoft.Graph.GraphServiceClient>());
        Assert.Null(bot.Services.GetService<Web.VivaLearning.VivaSyncWorker>());
        Assert.Equal(Ui(bot).Text("en", "delete.done"), done.Card.Title);
    }

    [Fact]
    public async Task Enabled_WithoutRegistrationIdOrLink_RefusesToStart()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(configure: s => s["VivaLearning:Enabled"] = "true"));

        var message = failure.ToString();
        Assert.Contains("VivaLearning:RegistrationId", message, StringComparison.Ordinal);
        Assert.Contains("VivaLearning:ContentBaseUrl", message, StringComparison.Ordinal);
    }

    private static Storage.Content.UiContent Ui(BotHost bot) => bot.Services.GetRequiredService<Storage.Content.UiContent>();

    /// <summary>Throws, once, on the write that would store an activity's Graph id: the instance "died" right after the POST.</summary>
    private sealed class CrashAfterPostStore(IVivaSyncStore inner) : IVivaSyncStore
    {
        public bool CrashNextIdWrite { get; set; }

        public Task<string> ReplaceActivityAsync(VivaActivity activity, string etag, CancellationToken cancellationToken)
        {
            if (CrashNextIdWrite && activity.GraphId is not null)
            {
                CrashNextIdWrite = false;
                throw new InvalidOperationException("The instance stopped before storing the id.");
            }

            return inner.ReplaceActivityAsync(activity, etag, cancellationToken);
        }

        public Task<IReadOnlyList<VivaContent>> ListContentsAsync(CancellationToken cancellationToken) => inner.ListContentsAsync(cancellationToken);

        public Task SaveContentAsync(VivaContent content, CancellationToken cancellationToken) => inner.SaveContentAsync(content, cancellationToken);

        public Task<IReadOnlyList<Versioned<VivaActivity>>> ListActivitiesAsync(LearnerKey learner, CancellationToken cancellationToken) => inner.ListActivitiesAsync(learner, cancellationToken);

        public Task<string> InsertActivityAsync(VivaActivity activity, CancellationToken cancellationToken) => inner.InsertActivityAsync(activity, cancellationToken);

        public Task DeleteLearnerAsync(LearnerKey learner, CancellationToken cancellationToken) => inner.DeleteLearnerAsync(learner, cancellationToken);

        public Task AddPendingErasureAsync(LearnerKey learner, DateTimeOffset at, CancellationToken cancellationToken) => inner.AddPendingErasureAsync(learner, at, cancellationToken);

        public IAsyncEnumerable<LearnerKey> ListPendingErasuresAsync(CancellationToken cancellationToken) => inner.ListPendingErasuresAsync(cancellationToken);
    }
}
