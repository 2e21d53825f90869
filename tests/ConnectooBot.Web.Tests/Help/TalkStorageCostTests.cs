using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.Hosting;

namespace ConnectooBot.Web.Tests.Help;

/// <summary>
/// Small talk, the FAQ and the prompt cost what "help" costs, against a real Azurite: one point read of the learner,
/// plus the activity's claim (issue 16: a re-delivery to another instance is answered once), kept in the learner's row:
/// written there before the reply is sent, marked done after it. A channel message has no learner: it reads nothing and
/// inserts its claim as a claim row.
/// </summary>
public sealed class TalkStorageCostTests() : BotTest(azurite: true)
{
    [Theory]
    [InlineData("merci")]
    [InlineData("👍")]
    [InlineData("bonjour")]
    [InlineData("Combien de temps ça prend ?")]
    [InlineData("quelle météo demain ?")]
    [InlineData("aide")]
    public async Task FreeText_OfAKnownLearner_CostsOnePointRead_AndItsClaim(string text)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", "fr-BE"));
        await chat.InstallAsync();
        Bot.StorageRequests.Reset();

        await chat.SendAsync(text);

        var requests = Bot.StorageRequests.Snapshot();
        Assert.True(3 == Bot.StorageRequests.Total, string.Join(", ", requests.Select(r => $"{r.Key}={r.Value}")));
        Assert.Equal(1, requests.Single(r => r.Key.StartsWith("GET ", StringComparison.Ordinal)).Value); // the learner
        Assert.Equal(2, requests.Single(r => r.Key.StartsWith("PUT ", StringComparison.Ordinal)).Value); // the row with the claim, before the send; then done
    }

    [Fact]
    public async Task ChannelHelpAndSmallTalk_ReadOnlyTheSendersLanguage_AndTakeTheirClaims()
    {
        var user = TeamsUser.Create("Jan", "nl-BE");
        using (await Bot.PostAsync(Bot.Activities.ChannelMention(user, "19:team@thread.tacv2", "19:chan@thread.tacv2", "hulp")))
        {
        }

        Bot.StorageRequests.Reset();
        using (await Bot.PostAsync(Bot.Activities.ChannelMention(user, "19:team@thread.tacv2", "19:chan@thread.tacv2", "hulp")))
        {
        }

        using (await Bot.PostAsync(Bot.Activities.ChannelMention(user, "19:team@thread.tacv2", "19:chan@thread.tacv2", "bedankt")))
        {
        }

        // Each message: one point read of the sender's learner record (their stored language: channel activities often
        // carry en-US), the claim's insert and its completion.
        var requests = Bot.StorageRequests.Snapshot();
        Assert.Equal(2, requests.Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value));
        Assert.True(6 == Bot.StorageRequests.Total, string.Join(", ", requests.Select(r => $"{r.Key}={r.Value}")));
    }
}
