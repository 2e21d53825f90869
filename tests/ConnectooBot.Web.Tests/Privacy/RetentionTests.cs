using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ConnectooBot.Web.Privacy;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Privacy;

public sealed class RetentionTests
{
    [Fact]
    public async Task Purge_ErasesLearnersInactiveForMoreThanTheRetentionPeriod_AndKeepsTheOthers()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var bot = await BotHost.StartAsync(configure: s => { s["Retention:InactiveLearnerPeriod"] = "365.00:00:00"; s["Retention:Enabled"] = "false"; }, time: time);
        var old = bot.PersonalChat(TeamsUser.Create("Old"));
        await old.InstallAsync();
        time.Advance(TimeSpan.FromDays(300));
        var recent = bot.PersonalChat(TeamsUser.Create("Recent"));
        await recent.InstallAsync();
        time.Advance(TimeSpan.FromDays(100)); // Old: 400 days without activity; Recent: 100

        var purged = await bot.Services.GetRequiredService<RetentionService>().PurgeAsync(CancellationToken.None);

        var store = bot.Services.GetRequiredService<ILearnerStore>();
        Assert.Equal(1, purged);
        Assert.Null(await store.FindAsync(new LearnerKey(bot.Activities.TenantId, old.User.AadObjectId), CancellationToken.None));
        Assert.NotNull(await store.FindAsync(new LearnerKey(bot.Activities.TenantId, recent.User.AadObjectId), CancellationToken.None));
        var conversations = bot.Services.GetRequiredService<IConversationStore>();
        Assert.Null(await conversations.FindAsync(bot.Activities.TenantId, old.ConversationId, CancellationToken.None));
    }
}
