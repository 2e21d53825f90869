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
