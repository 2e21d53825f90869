using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.VivaLearning;

/// <summary>The sync adds no storage request to a learner's turn: its work is the worker's, on its own table.</summary>
public sealed class VivaTurnCostTests
{
    [Fact]
    public async Task ACourseTurn_CostsTheSameStorageRequests_WithTheSyncOnAsOff()
    {
        Dictionary<string, int> off;
        await using (var bot = await BotHost.StartAsync(azurite: true))
        {
            off = await TurnCostAsync(bot);
        }

        Dictionary<string, int> on;
        await using (var viva = await VivaHost.StartAsync(azurite: true))
        {
            on = await TurnCostAsync(viva.Bot);
        }

        Assert.NotEmpty(off);
        Assert.Equal(off.OrderBy(c => c.Key), on.OrderBy(c => c.Key));
    }

    /// <summary>The storage requests of opening a second module, on the bot's own tables (the Viva table is the worker's, in the background).</summary>
    private static async Task<Dictionary<string, int>> TurnCostAsync(BotHost bot)
    {
        var modules = bot.Services.GetRequiredService<Learning.Catalog.Course>().Modules;
        var chat = bot.PersonalChat(TeamsUser.Create("Elke", "nl-BE"));
        var walk = new CourseWalk(bot, chat, "nl");
        await chat.InstallAsync();
        await walk.OpenAsync(modules[0].Id);
        await bot.QuietStorageAsync();

        await walk.OpenAsync(modules[1].Id);

        var prefix = bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Storage.StorageOptions>>().Value.TablePrefix;
        return bot.StorageRequests.Snapshot()
            .Where(c => !c.Key.Contains("Viva", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(c => c.Key.Replace(prefix, "<prefix>", StringComparison.Ordinal), c => c.Value);
    }
}
