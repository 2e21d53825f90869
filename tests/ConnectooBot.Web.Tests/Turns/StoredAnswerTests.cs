using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.Hosting;
using ConnectooBot.Web.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Turns;

/// <summary>
/// The answer a claim keeps for a repeat of its activity rides in the learner's row with every write and in this
/// instance's copy of it: kept compact (<see cref="StoredAnswers"/>), it still gives back the very card the learner got.
/// (A repeat delivered to another instance gets it: <c>CrossInstanceDuplicateTests</c>.)
/// </summary>
public sealed class StoredAnswerTests() : BotTest()
{
    [Fact]
    public async Task ACardAnsweredInPlace_IsKeptInTheLearnersRowInLessThanHalfItsJson_AndReadsBackAsTheSameCard()
    {
        var user = TeamsUser.Create("Anne", "fr-BE");
        var chat = Bot.PersonalChat(user);
        await chat.InstallAsync();
        await chat.ClickAsync("Commencer");

        var reply = await chat.ClickAsync("Suivant");

        var row = await Bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new LearnerKey(TeamsUser.DefaultTenant, user.AadObjectId), CancellationToken.None);
        var kept = Assert.Single(row!.Claims.Entries, c => c.Answer is not null).Answer!;
        var card = reply.Body!.ToJsonString();
        Assert.StartsWith("br:", kept, StringComparison.Ordinal);
        Assert.True(kept.Length * 2 < card.Length, $"kept {kept.Length} characters for a card of {card.Length}");
        var read = StoredAnswers.Read(kept)!;
        Assert.Equal(200, read.Status);
        Assert.True(JsonNode.DeepEquals(reply.Body, read.Body), "the stored answer is not the card the learner got");
    }

    [Fact]
    public void AnAnswerKeptAsPlainJson_BeforeAnswersWereCompressed_StillReads()
    {
        var read = StoredAnswers.Read("{\"status\":200,\"body\":{\"statusCode\":200,\"value\":\"Étape 2 sur 8\"}}")!;

        Assert.Equal(200, read.Status);
        Assert.Equal("Étape 2 sur 8", read.Body!["value"]!.GetValue<string>());
    }

    [Fact]
    public void AShortAnswer_StaysPlainJson_WhereCompressingWouldLengthenIt()
    {
        Assert.Equal("{\"status\":200,\"body\":null}", StoredAnswers.Write(new InvokeResponse(200, null)));
        Assert.Null(StoredAnswers.Write(null));
        Assert.Null(StoredAnswers.Read(null));
    }

    [Fact]
    public void AnAnswer_InAnyOfTheFourLanguages_RoundTripsUnchanged()
    {
        var texts = new JsonArray("Ça marche : « itsme » ou eID ?", "Gefeliciteerd! Je hebt module 3 afgerond.", "Prüfen Sie die Schritte für MyMinfin – „eBox“ öffnen.", "Well done — 8/8 (100 %).");
        var body = new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.card.adaptive", ["value"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = Repeat(texts, 12) } };

        var stored = StoredAnswers.Write(new InvokeResponse(200, body))!;
        var read = StoredAnswers.Read(stored)!;

        Assert.StartsWith("br:", stored, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(body, read.Body));
    }

    [Fact]
    public void AnAnswerOtherThan200_KeepsItsStatus_AndACorruptCompressedAnswerIsNotReadAsAnother()
    {
        var body = new JsonObject { ["statusCode"] = 400, ["type"] = "application/vnd.microsoft.error", ["value"] = new JsonObject { ["message"] = new string('x', 600) } };
        var stored = StoredAnswers.Write(new InvokeResponse(400, body))!;

        Assert.Equal(400, StoredAnswers.Read(stored)!.Status);
        Assert.ThrowsAny<Exception>(() => StoredAnswers.Read(stored[..(stored.Length / 2)]));
    }

    private static JsonArray Repeat(JsonArray texts, int times) =>
        [.. Enumerable.Range(0, times).SelectMany(_ => texts).Select(t => (JsonNode)new JsonObject { ["type"] = "TextBlock", ["text"] = t!.DeepClone(), ["wrap"] = true })];
}
