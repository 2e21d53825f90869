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

/// <summary>
/// Storage stops mid-conversation and comes back: the turn answers 503 without an apology (Teams retries it, and the
/// retry answers), Teams' retry succeeds, nothing is half-saved.
/// </summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task StorageDown_Is503WithoutAnApology_AndTeamsRetryAfterwardsAdvancesOnce()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await using var bot = await BotHost.StartAsync(configure: s =>
        {
            s["Storage:Backend"] = "AzureTables";
            s["Storage:ConnectionString"] = azurite.ConnectionString;
            s["Storage:TablePrefix"] = Azurite.NewTablePrefix();
        });
        var ui = bot.Services.GetRequiredService<UiContent>();
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
        // Before: the learner got the apology here, then the real answer from the retry.
        Assert.Empty(during.Sent);
        Assert.DoesNotContain(bot.Connector.Activities, a => a.Activity.Attachments?[0].Content?["body"]?[0]?["text"]?.GetValue<string>() == ui.Text("fr", "error.text"));
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        var course = bot.Services.GetRequiredService<Learning.Catalog.Course>();
        Assert.Equal(course.Modules[0].Texts["fr"].Steps[course.Modules[0].Steps[0].Id].Title, retried.Card.Texts[1]);
        var after = (await bot.Services.GetRequiredService<ILearnerStore>().FindAsync(key, CancellationToken.None))!.Value.Progress;
        Assert.Equal(before.Current, after.Current);
    }
}
