using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.Hosting;

namespace ConnectooBot.Web.Tests.Help;

/// <summary>Small talk, the FAQ and the prompt cost what "help" costs: one point read of the learner, against a real Azurite.</summary>
public sealed class TalkStorageCostTests() : BotTest(azurite: true)
{
    [Theory]
    [InlineData("merci")]
    [InlineData("👍")]
    [InlineData("bonjour")]
    [InlineData("Combien de temps ça prend ?")]
    [InlineData("quelle météo demain ?")]
    [InlineData("aide")]
    public async Task FreeText_OfAKnownLearner_CostsOnePointRead(string text)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", "fr-BE"));
        await chat.InstallAsync();
        Bot.StorageRequests.Reset();

        await chat.SendAsync(text);

        var requests = Bot.StorageRequests.Snapshot();
        Assert.Equal(1, Bot.StorageRequests.Total);
        Assert.Single(requests, r => r.Key.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChannelHelpAndSmallTalk_ReadNothing()
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

        Assert.Equal(0, Bot.StorageRequests.Total);
    }
}
