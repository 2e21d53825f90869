using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;

namespace ConnectooBot.Web.Tests.Http;

/// <summary>How many Table Storage requests a turn costs, against a real Azurite. The numbers are pinned on purpose.</summary>
public sealed class StorageCostTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(azurite: true);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task FirstContact_CostsThreeRequests()
    {
        var chat = _bot.PersonalChat(TeamsUser.Create("Anne", "fr-BE"));
        _bot.StorageRequests.Reset();

        await chat.InstallAsync();

        // Conversation reference upsert + learner point read + learner insert.
        Assert.Equal(3, _bot.StorageRequests.Total);
    }

    [Fact]
    public async Task TypicalTurn_OfAKnownLearner_CostsOnePointRead()
    {
        var chat = _bot.PersonalChat(TeamsUser.Create("Jan", "nl-BE"));
        await chat.InstallAsync();
        _bot.StorageRequests.Reset();

        await chat.SendAsync("hulp");

        // The conversation reference is already known to this instance: only the learner is read.
        var requests = _bot.StorageRequests.Snapshot();
        Assert.Equal(1, _bot.StorageRequests.Total);
        Assert.Single(requests, r => r.Key.StartsWith("GET ", StringComparison.Ordinal));
    }
}
