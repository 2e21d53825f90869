using System.Net;
using System.Text.Json;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Hosting;

/// <summary>
/// The gate in front of every turn with real signed tokens: only the channel the bot serves, only JSON, and a caller
/// refused there leaves no trace (nothing sent, nothing stored).
/// </summary>
public sealed class TokenGateTests() : BotTest(authenticated: true)
{
    private static string Json(Activity activity) => JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

    private async Task AssertNothingHappenedAsync(TeamsUser user, Activity activity)
    {
        Assert.Empty(Bot.Connector.Requests);
        Assert.Null(await Bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new(Bot.Activities.TenantId, user.AadObjectId), CancellationToken.None));
        Assert.Null(await Bot.Services.GetRequiredService<IConversationStore>().FindAsync(Bot.Activities.TenantId, activity.Conversation!.Id!, CancellationToken.None));
    }

    [Fact]
    public async Task KeyNotEndorsedForTeams_WithTheChannelIdLeftOut_Is401_AndChangesNothing()
    {
        // Before: the endorsement check was skipped when channelId was missing, and this turn ran (200).
        var user = TeamsUser.Create("Mallory");
        var activity = Bot.Activities.PersonalInstall(user, "a:" + Guid.NewGuid().ToString("N"));
        activity.ChannelId = null;
        var skypeOnly = Bot.Issuer!.AddKey("skype-only-key", "skype");
        var token = Bot.Issuer.CreateToken(activity.ServiceUrl!, t => { t.SigningKey = skypeOnly; t.KeyId = skypeOnly.KeyId; });

        using var response = await Bot.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync(user, activity);
    }

    [Fact]
    public async Task ValidTeamsToken_WithoutChannelId_Is400_AndChangesNothing()
    {
        var user = TeamsUser.Create("Nobody");
        var activity = Bot.Activities.PersonalInstall(user, "a:" + Guid.NewGuid().ToString("N"));
        activity.ChannelId = null;

        using var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingHappenedAsync(user, activity);
    }

    [Theory]
    [InlineData("skype")]
    [InlineData("emulator")]
    [InlineData("webchat")]
    public async Task ChannelTheBotDoesNotServe_IsRefused_AndChangesNothing(string channel)
    {
        // The test issuer's key is endorsed for msteams and skype: skype gets past the token (403), the others not (401).
        var user = TeamsUser.Create("Elsewhere");
        var activity = Bot.Activities.PersonalInstall(user, "a:" + Guid.NewGuid().ToString("N"));
        activity.ChannelId = channel;

        using var response = await Bot.PostAsync(activity);

        Assert.Equal(channel == "skype" ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync(user, activity);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    [InlineData("application/json-patch+json")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task BodyThatIsNotDeclaredJson_Is415_AndChangesNothing(string? contentType)
    {
        // Before: a valid token with the JSON sent as text/plain, a form, multipart or XML was processed (200).
        var user = TeamsUser.Create("Formal");
        var activity = Bot.Activities.PersonalInstall(user, "a:" + Guid.NewGuid().ToString("N"));

        using var response = await Bot.PostRawAsync(Json(activity), Bot.TokenFor(activity.ServiceUrl), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNothingHappenedAsync(user, activity);
    }

    [Fact]
    public async Task BodyThatIsNotDeclaredJson_WithoutAValidToken_Is401()
    {
        var activity = Bot.Activities.PersonalInstall(TeamsUser.Create("Anon"), "a:" + Guid.NewGuid().ToString("N"));

        using var response = await Bot.PostRawAsync(Json(activity), token: null, "text/plain");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("Application/JSON")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=\"UTF-8\"")]
    public async Task JsonWithOrWithoutCharset_IsAccepted(string contentType)
    {
        var user = TeamsUser.Create("Plain");
        var activity = Bot.Activities.PersonalInstall(user, "a:" + Guid.NewGuid().ToString("N"));

        using var response = await Bot.PostRawAsync(Json(activity), Bot.TokenFor(activity.ServiceUrl), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await Bot.Connector.WaitForActivitiesAsync(1));
    }
}
