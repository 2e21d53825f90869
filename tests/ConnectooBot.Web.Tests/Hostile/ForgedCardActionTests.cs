using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Hostile;

/// <summary>Forged and replayed card actions: rejected or answered idempotently, and stored progress never corrupted.</summary>
public sealed class ForgedCardActionTests() : BotTest()
{
    public static TheoryData<string, string, int> Forgeries() => new()
    {
        { "quiz.answer", """{"m":"digital-divide","a":1,"q":"not-a-question","choice":"a"}""", 0 },
        { "quiz.answer", """{"m":"digital-divide","a":99,"q":"QUESTION","choice":"a"}""", 0 },
        { "quiz.answer", """{"m":"no-such-module","a":1,"q":"QUESTION","choice":"a"}""", 0 },
        { "quiz.answer", """{"m":"digital-divide","a":1,"q":"QUESTION","choice":"zzz"}""", 0 },
        { "quiz.answer", """{"m":"digital-divide","a":"1","q":"QUESTION","choice":"a","learner":"someone-else","tenant":"other"}""", 1 },
        { "quiz.answer", """{"m":["digital-divide"],"a":{"n":1},"q":null}""", 0 },
        { "quiz.next", """{"m":"digital-divide","a":-1}""", 0 },
        { "lesson.go", """{"m":"digital-divide","from":0,"to":999}""", 0 },
        { "lesson.go", """{"m":"digital-divide","from":-5,"to":-4}""", 0 },
        { "module.open", """{"m":"../../welcoming"}""", 0 },
        { "quiz.start", """{"m":"safety\u0000"}""", 0 },
        { "progress.team", """{"team":"19:someone-elses-team@thread.tacv2"}""", 0 },
        { "badge.share", """{"b":"ffffffffffffffffffffffffffffffff","team":"19:x@thread.tacv2"}""", 0 },
        { "data.delete", """{"badge":"keep","user":"another-user"}""", 0 },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task ForgedAction_NeverChangesAnotherLearner_AndNeverCorruptsTheSender(string verb, string data, int answersCounted)
    {
        var victim = await LearnerInAQuizAsync("Victim");
        var attacker = await LearnerInAQuizAsync("Attacker");
        var victimBefore = await SnapshotAsync(victim.User);
        var question = attacker.Card!.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer")["data"]!["q"]!.GetValue<string>();
        var attackerBefore = Learner(attacker.User)!;

        var reply = await attacker.PostAsync(Bot.Activities.Execute(attacker.User, attacker.ConversationId, attacker.Card.MessageId ?? "1", verb,
            JsonNode.Parse(data.Replace("QUESTION", question, StringComparison.Ordinal))!.AsObject()));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(victimBefore, await SnapshotAsync(victim.User));
        var after = Learner(attacker.User);
        if (verb is "data.delete")
        {
            Assert.Null(after); // the sender may erase their own data, and only theirs
            return;
        }

        // Another learner's id in the data is ignored: an otherwise valid answer counts for the sender, once.
        Assert.Equal(attackerBefore.Progress.Module("digital-divide").Attempts.Single().Answers.Count + answersCounted, after!.Progress.Module("digital-divide").Attempts.Single().Answers.Count);
        Assert.All(after.Progress.Modules.Keys, id => Assert.NotNull(Course.FindModule(id)));
    }

    [Fact]
    public async Task ReplayedAnswer_ToAQuestionAlreadyPassed_CountsOnce_AndSaysTheFirstAnswerCounts()
    {
        var chat = await LearnerInAQuizAsync("Replay");
        var questionCard = chat.Card!;
        var submit = questionCard.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        var answer = new Dictionary<string, string> { ["choice"] = "a" };
        var first = await chat.ClickAsync(questionCard, submit["title"]!.GetValue<string>(), answer);
        await chat.ClickAsync(Ui.Text("fr", "feedback.next"));

        var replayed = await chat.ClickAsync(questionCard, submit["title"]!.GetValue<string>(), answer);
        var otherChoice = await chat.ClickAsync(questionCard, submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = "b" });

        Assert.Single(Learner(chat.User)!.Progress.Module("digital-divide").Attempts.Single().Answers);
        Assert.Contains(Ui.Text("fr", "feedback.replayed"), replayed.Card.Texts);
        // The heading is the counted first answer's verdict, said as such: a tap on another choice never reads "✅ Bonne réponse" alone.
        var firstVerdict = first.Card.Texts[1];
        Assert.Equal(Ui.Format("fr", "feedback.replayedVerdict", ("verdict", firstVerdict)), otherChoice.Card.Texts[1]);
        Assert.Equal(Ui.Format("fr", "feedback.replayedVerdict", ("verdict", firstVerdict)), replayed.Card.Texts[1]);
    }

    private async Task<PersonalChat> LearnerInAQuizAsync(string name)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create(name, "fr-BE"));
        await chat.InstallAsync();
        await chat.PostAsync(Bot.Activities.Execute(chat.User, chat.ConversationId, chat.Card!.MessageId ?? "1", "quiz.start", new JsonObject { ["m"] = "digital-divide" }));
        return chat;
    }

    private Learner? Learner(TeamsUser user) =>
        Bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new LearnerKey(Bot.Activities.TenantId, user.AadObjectId), CancellationToken.None).Result?.Value;

    private async Task<string> SnapshotAsync(TeamsUser user)
    {
        var stored = await Bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new LearnerKey(Bot.Activities.TenantId, user.AadObjectId), CancellationToken.None);
        return stored!.ETag + JsonSerializer.Serialize(stored.Value);
    }
}
