using System.Net;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Faults;

/// <summary>Storage stops mid-conversation and comes back: the learner is told, Teams' retry succeeds, nothing is half-saved.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task StorageDown_AnswersForARetry_AndTeamsRetryAfterwardsAdvancesOnce()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await using var bot = await BotHost.StartAsync(configure: s =>
        {
            s["Storage:Backend"] = "AzureTables";
            s["Storage:ConnectionString"] = azurite.ConnectionString;
            s["Storage:TablePrefix"] = Azurite.NewTablePrefix();
        });
        var user = TeamsUser.Create("Outage", "fr-BE");
        var chat = bot.PersonalChat(user);
        await chat.InstallAsync();
        await chat.ClickAsync("Commencer");
        var key = new LearnerKey(bot.Activities.TenantId, user.AadObjectId);
        var before = (await bot.Services.GetRequiredService<ILearnerStore>().FindAsync(key, CancellationToken.None))!.Value.Progress;

        await azurite.StopAsync();
        var next = bot.Activities.PersonalMessage(user, chat.ConversationId, "continuer");
        var during = await chat.PostAsync(next);
        await azurite.StartAgainAsync();
        var retried = await chat.PostAsync(next); // Teams re-delivers the same activity

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.Status);
        // No apology while storage is down: sending one needs the activity's claim (so that a re-delivery to another
        // instance is answered once), which storage cannot give; and Teams' retry answers anyway (issue 16).
        Assert.Empty(during.Sent);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        var course = bot.Services.GetRequiredService<Learning.Catalog.Course>();
        Assert.Equal(course.Modules[0].Texts["fr"].Steps[course.Modules[0].Steps[0].Id].Title, retried.Card.Texts[1]);
        var after = (await bot.Services.GetRequiredService<ILearnerStore>().FindAsync(key, CancellationToken.None))!.Value.Progress;
        Assert.Equal(before.Current, after.Current);
    }
}
