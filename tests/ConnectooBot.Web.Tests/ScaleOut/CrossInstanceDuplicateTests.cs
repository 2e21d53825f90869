using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Storage;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Tests.ScaleOut;

/// <summary>
/// Two instances of the bot (two hosts) over one Azurite, as App Service runs them: Teams re-delivers an activity it
/// thinks timed out, and the re-delivery may land on the other instance. It must be processed once.
/// </summary>
public sealed class CrossInstanceDuplicateTests : IAsyncLifetime
{
    private BotHost _first = null!;
    private BotHost _second = null!;

    public async Task InitializeAsync()
    {
        _first = await BotHost.StartAsync(azurite: true);
        var prefix = _first.Services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
        _second = await BotHost.StartAsync(azurite: true, configure: settings => settings["Storage:TablePrefix"] = prefix);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    private Learning.Catalog.Course Course => _first.Services.GetRequiredService<Learning.Catalog.Course>();

    private int SentTo(PersonalChat chat) => _first.Connector.Activities.Count(a => a.ConversationId == chat.ConversationId);

    [Fact]
    public async Task Help_DeliveredToOneInstanceThenTheOther_IsAnsweredOnce()
    {
        var chat = _first.PersonalChat(TeamsUser.Create("Ana", "en-US"));
        await chat.InstallAsync();
        var help = _first.Activities.PersonalMessage(chat.User, chat.ConversationId, "help");
        var before = SentTo(chat);

        using var atFirst = await _first.PostAsync(help);
        using var atSecond = await _second.PostAsync(help);

        Assert.Equal(HttpStatusCode.OK, atFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atSecond.StatusCode);
        Assert.Equal(before + 1, SentTo(chat));
    }

    [Fact]
    public async Task Start_DeliveredToBothInstancesAtOnce_SendsOneCard()
    {
        var chat = _first.PersonalChat(TeamsUser.Create("Bram", "nl-BE"));
        await chat.InstallAsync();
        var start = _first.Activities.Execute(chat.User, chat.ConversationId, chat.Card?.MessageId ?? "1:welcome", "course.start", []);
        var before = SentTo(chat);

        var answers = await Task.WhenAll(_first.PostAsync(start), _second.PostAsync(start));

        // One of them processed it; the other got its answer, or 503 while it was still running (Teams retries later).
        Assert.Equal(before + 1, SentTo(chat));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task QuizAnswer_RepeatedOnTheOtherInstance_GetsTheStoredAnswer_AndChangesNothing()
    {
        var chat = _first.PersonalChat(TeamsUser.Create("Chloé", "fr-BE"));
        await chat.InstallAsync();
        await chat.ClickAsync("Commencer");
        for (var i = 0; i < Course.Modules[0].Steps.Count; i++)
        {
            await chat.ClickAsync("Suivant");
        }

        await chat.ClickAsync(chat.Card!.Buttons[0]["title"]!.GetValue<string>()); // the lesson end's first button: the quiz
        var submit = chat.Card!.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        var question = Course.Modules[0].FindQuestion(submit["data"]!["q"]!.GetValue<string>())!;
        var data = (JsonObject)submit["data"]!.DeepClone();
        data["choice"] = question.Correct;
        var answer = _first.Activities.Execute(chat.User, chat.ConversationId, chat.Card.MessageId ?? "1:quiz", "quiz.answer", data);

        using var atFirst = await _first.PostAsync(answer);
        _second.StorageRequests.Reset();
        using var atSecond = await _second.PostAsync(answer);

        var first = await atFirst.Content.ReadAsStringAsync();
        var second = await atSecond.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, atSecond.StatusCode);
        Assert.Contains("adaptiveCard", first, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(first, second); // the stored answer, not a replay ("you already answered")
        var writes = _second.StorageRequests.Snapshot()
            .Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal) && (r.Key.EndsWith("Learners", StringComparison.Ordinal) || r.Key.Contains("$batch", StringComparison.Ordinal)))
            .ToList();
        Assert.True(writes.Count == 0, $"the repeat wrote the learner: {string.Join(", ", writes.Select(w => $"{w.Key} ×{w.Value}"))}");
    }
}
