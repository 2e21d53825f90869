using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.VivaLearning;

/// <summary>"delete my data" also deletes the learner's activities in Viva Learning, now or, when it is unreachable, later.</summary>
public sealed class VivaErasureTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeleteMyData_DeletesTheirActivitiesInViva_ThenTheSyncRows(bool azurite)
    {
        await using var viva = await VivaHost.StartAsync(azurite: azurite);
        var (user, chat, other) = await TwoLearnersWithActivitiesAsync(viva);
        viva.Graph.ClearRequests();

        await chat.SendAsync("delete my data");
        var done = await chat.ClickAsync(Ui(viva).Text("en", "delete.confirm"));

        Assert.Equal(Ui(viva).Text("en", "delete.done"), done.Card.Title);
        Assert.Equal(["DELETE 204", "DELETE 204"], viva.Graph.Requests.Select(r => $"{r.Method} {r.Status}"));
        Assert.All(viva.Graph.Activities, a => Assert.Equal(other.AadObjectId, a["learnerUserId"]!.GetValue<string>()));
        Assert.Empty(await viva.Store.ListActivitiesAsync(VivaHost.Key(user), CancellationToken.None));
        Assert.Single(await viva.Store.ListActivitiesAsync(VivaHost.Key(other), CancellationToken.None));
        Assert.Empty(viva.Graph.Violations);
    }

    [Fact]
    public async Task DeleteMyData_VivaUnreachable_TheLearnerIsToldAndTheErasureIsCompletedLater()
    {
        await using var viva = await VivaHost.StartAsync(configure: s => s["VivaLearning:ErasureTimeout"] = "00:00:01");
        var (user, chat, _) = await TwoLearnersWithActivitiesAsync(viva);
        viva.Graph.ClearRequests();
        viva.Graph.FailNext(1, 503, TimeSpan.FromSeconds(30)); // down, and says so for longer than "delete my data" waits

        await chat.SendAsync("delete my data");
        var done = await chat.ClickAsync(Ui(viva).Text("en", "delete.confirm"));

        Assert.Equal(Ui(viva).Text("en", "delete.done") + " " + Ui(viva).Text("en", "delete.elsewherePending"), done.Card.Title);
        Assert.Equal(2, await CountAsync(viva, user.AadObjectId));
        Assert.Contains(VivaHost.Key(user), await ToListAsync(viva.Store.ListPendingErasuresAsync(CancellationToken.None)));
        Assert.Null(await viva.Bot.Services.GetRequiredService<Learning.Ports.ILearnerStore>().FindAsync(VivaHost.Key(user), CancellationToken.None));

        await viva.Worker.RetryErasuresAsync(CancellationToken.None); // Viva answers again

        Assert.Equal(0, await CountAsync(viva, user.AadObjectId));
        Assert.Empty(await viva.Store.ListActivitiesAsync(VivaHost.Key(user), CancellationToken.None));
        Assert.Empty(await ToListAsync(viva.Store.ListPendingErasuresAsync(CancellationToken.None)));
        Assert.Contains(viva.Bot.Logs.Lines, l => l.EventId == 3905);
        Assert.Empty(viva.Graph.Violations);
    }

    [Fact]
    public async Task ASyncOfALearnerErasedMeanwhile_UndoesWhatItCreated()
    {
        await using var viva = await VivaHost.StartAsync();
        var course = viva.Bot.Services.GetRequiredService<Learning.Catalog.Course>();
        var store = viva.Bot.Services.GetRequiredService<Learning.Ports.ILearnerStore>();
        var now = DateTimeOffset.UtcNow;
        var learner = new Learning.Learners.Learner
        {
            Key = new(TeamsUser.DefaultTenant, Guid.NewGuid().ToString()),
            Language = "fr",
            FirstSeen = now,
            LastActive = now,
            Progress = Learning.Progress.CourseProgress.Empty.With(new Learning.Progress.ModuleProgress { ModuleId = course.Modules[0].Id, FurthestStep = 0 }),
        };
        await store.InsertAsync(learner, CancellationToken.None);
        await store.DeleteAsync(learner.Key, CancellationToken.None); // erased after the worker read it (a scan page, a nudge)
        viva.Graph.ClearRequests();

        await viva.Worker.SyncOneAsync(learner, CancellationToken.None);

        Assert.Equal(["GET 404", "POST 201", "DELETE 204"], viva.Graph.Requests.Select(r => $"{r.Method} {r.Status}"));
        Assert.Empty(viva.Graph.Activities);
        Assert.Empty(await viva.Store.ListActivitiesAsync(learner.Key, CancellationToken.None));
    }

    private static async Task<(TeamsUser User, PersonalChat Chat, TeamsUser Other)> TwoLearnersWithActivitiesAsync(VivaHost viva)
    {
        var course = viva.Bot.Services.GetRequiredService<Learning.Catalog.Course>();
        var user = TeamsUser.Create("Yusuf", "en-GB");
        var chat = viva.Bot.PersonalChat(user);
        await chat.InstallAsync();
        var walk = new CourseWalk(viva.Bot, chat, "en");
        await walk.OpenAsync(course.Modules[0].Id);
        await walk.OpenAsync(course.Modules[1].Id);
        await viva.SyncAsync(user);

        var other = TeamsUser.Create("Noor", "en-GB");
        var otherChat = viva.Bot.PersonalChat(other);
        await otherChat.InstallAsync();
        await new CourseWalk(viva.Bot, otherChat, "en").OpenAsync(course.Modules[0].Id);
        await viva.SyncAsync(other);
        Assert.Equal(3, viva.Graph.Activities.Count);
        return (user, chat, other);
    }

    private static Task<int> CountAsync(VivaHost viva, string learner) =>
        Task.FromResult(viva.Graph.Activities.Count(a => a["learnerUserId"]!.GetValue<string>() == learner));

    private static Storage.Content.UiContent Ui(VivaHost viva) => viva.Bot.Services.GetRequiredService<Storage.Content.UiContent>();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
