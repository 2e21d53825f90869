using ConnectooBot.Learning.Viva;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Graph;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConnectooBot.Web.Tests.VivaLearning;

/// <summary>One learner's way through the course and the exact Viva Learning requests it makes.</summary>
public sealed class VivaJourneyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private VivaHost _viva = null!;

    public async Task InitializeAsync() => _viva = await VivaHost.StartAsync();

    public async Task DisposeAsync() => await _viva.DisposeAsync();

    [Fact]
    public async Task OneLearnersJourney_MakesExactlyTheExpectedRequests()
    {
        var user = TeamsUser.Create("Amélie", "fr-BE");
        var chat = _viva.Bot.PersonalChat(user);
        var walk = new CourseWalk(_viva.Bot, chat, "fr");
        var course = _viva.Bot.Services.GetRequiredService<Learning.Catalog.Course>();
        var graph = _viva.Graph;
        await chat.InstallAsync();
        graph.ClearRequests();
        var provider = "/v1.0/employeeExperience/learningProviders/" + VivaHost.RegistrationId;
        var expected = new List<string>();

        foreach (var module in course.Modules)
        {
            var external = VivaRules.ActivityExternalId(VivaHost.Key(user), module.Id);
            await walk.OpenAsync(module.Id);
            await _viva.SyncAsync(user);
            var created = Assert.Single(graph.Activities, a => VivaLearningStandIn.ExternalId(a) == external);
            var id = created["id"]!.GetValue<string>();
            Assert.Equal("inProgress", created["status"]!.GetValue<string>());
            Assert.InRange(created["completionPercentage"]!.GetValue<int>(), 1, 99);

            await walk.PassQuizAsync(module.Id);
            await _viva.SyncAsync(user);
            var completed = Assert.Single(graph.Activities, a => VivaLearningStandIn.ExternalId(a) == external);
            Assert.Equal(("completed", 100), (completed["status"]!.GetValue<string>(), completed["completionPercentage"]!.GetValue<int>()));
            Assert.NotNull(completed["completedDateTime"]);

            expected.Add($"GET {provider}/learningCourseActivities(externalcourseActivityId='{external}') → 404");
            expected.Add($"POST {provider}/learningCourseActivities → 201");
            expected.Add($"PATCH {provider}/learningCourseActivities/{id} → 204");
        }

        foreach (var request in graph.Requests)
        {
            output.WriteLine(request.ToString());
        }

        foreach (var request in graph.Requests.Take(3).Where(r => r.Body is not null))
        {
            output.WriteLine($"{request.Method} body (module 1): {request.Body}");
        }

        Assert.Equal(expected, graph.Requests.Select(r => r.ToString()));
        Assert.Empty(graph.Violations);
        Assert.Equal(6, graph.Activities.Count);
        Assert.All(graph.Activities, a => Assert.Equal(user.AadObjectId, a["learnerUserId"]!.GetValue<string>()));
        var frenchContents = graph.Contents.Where(c => c["languageTag"]!.GetValue<string>() == "fr-be").Select(c => c["id"]!.GetValue<string>()).ToHashSet();
        Assert.All(graph.Activities, a => Assert.Contains(a["learningContentId"]!.GetValue<string>(), frenchContents));

        // Nothing changed: another pass (the periodic scan) sends nothing.
        graph.ClearRequests();
        await _viva.Worker.ScanAsync(CancellationToken.None);
        Assert.Empty(graph.Requests);
    }
}

/// <summary>The two ways the worker learns of progress: the nudge after a course turn, and the periodic scan.</summary>
public sealed class VivaWorkerTests : IAsyncLifetime
{
    private VivaHost _viva = null!;

    public async Task InitializeAsync() => _viva = await VivaHost.StartAsync();

    public async Task DisposeAsync() => await _viva.DisposeAsync();

    [Fact]
    public async Task ACourseTurn_NudgesTheWorker_WhichCreatesTheActivityWithinSeconds()
    {
        var user = TeamsUser.Create("Sofie", "nl-BE");
        var chat = _viva.Bot.PersonalChat(user);
        var module = _viva.Bot.Services.GetRequiredService<Learning.Catalog.Course>().Modules[0];
        await chat.InstallAsync();

        await new CourseWalk(_viva.Bot, chat, "nl").OpenAsync(module.Id); // no explicit sync: only the nudge
        for (var i = 0; i < 200 && _viva.Graph.Activities.Count == 0; i++)
        {
            await Task.Delay(50);
        }

        var activity = Assert.Single(_viva.Graph.Activities);
        Assert.Equal(user.AadObjectId, activity["learnerUserId"]!.GetValue<string>());
        Assert.Equal("inProgress", activity["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheScan_CatchesUpProgressMadeWithoutANudge()
    {
        var course = _viva.Bot.Services.GetRequiredService<Learning.Catalog.Course>();
        var key = new Learning.Learners.LearnerKey(TeamsUser.DefaultTenant, Guid.NewGuid().ToString());
        var now = DateTimeOffset.UtcNow;
        var progress = Learning.Progress.CourseProgress.Empty.With(new Learning.Progress.ModuleProgress { ModuleId = course.Modules[1].Id, FurthestStep = 1 });
        await _viva.Bot.Services.GetRequiredService<Learning.Ports.ILearnerStore>().InsertAsync(
            new Learning.Learners.Learner { Key = key, Language = "de", FirstSeen = now, LastActive = now, Progress = progress }, CancellationToken.None);
        _viva.Graph.ClearRequests();

        await _viva.Worker.ScanAsync(CancellationToken.None);

        Assert.Equal(["GET 404", "POST 201"], _viva.Graph.Requests.Select(r => $"{r.Method} {r.Status}"));
        var activity = Assert.Single(_viva.Graph.Activities);
        Assert.Equal(VivaRules.ActivityExternalId(key, course.Modules[1].Id), VivaLearningStandIn.ExternalId(activity));
        var german = Assert.Single(_viva.Graph.Contents, c => c["externalId"]!.GetValue<string>() == VivaRules.ContentExternalId(course.Modules[1].Id, "de"));
        Assert.Equal(german["id"]!.GetValue<string>(), activity["learningContentId"]!.GetValue<string>());
        Assert.Empty(_viva.Graph.Violations);
    }
}
