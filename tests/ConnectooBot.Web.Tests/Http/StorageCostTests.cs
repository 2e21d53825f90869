using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;

namespace ConnectooBot.Web.Tests.Http;

/// <summary>How many Table Storage requests a turn costs, against a real Azurite. The numbers are pinned on purpose.</summary>
public sealed class StorageCostTests() : BotTest(azurite: true)
{
    [Fact]
    public async Task FirstContact_CostsThreeRequests()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", "fr-BE"));
        Bot.StorageRequests.Reset();

        await chat.InstallAsync();

        // Conversation reference upsert + learner point read + learner insert.
        Assert.Equal(3, Bot.StorageRequests.Total);
    }

    [Fact]
    public async Task TypicalTurn_OfAKnownLearner_CostsOnePointRead()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Jan", "nl-BE"));
        await chat.InstallAsync();
        Bot.StorageRequests.Reset();

        await chat.SendAsync("hulp");

        // The conversation reference is already known to this instance: only the learner is read.
        var requests = Bot.StorageRequests.Snapshot();
        Assert.Equal(1, Bot.StorageRequests.Total);
        Assert.Single(requests, r => r.Key.StartsWith("GET ", StringComparison.Ordinal));
    }
}
