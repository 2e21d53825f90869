using System.Net;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Authentication;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Hosting;

/// <summary>Real signed tokens against the real host: one valid token passes, every forgery gets 401 and changes nothing.</summary>
public sealed class AuthenticationMatrixTests() : BotTest(authenticated: true)
{
    public static TheoryData<string> Forgeries() =>
    [
        "missing header", "wrong scheme", "bad signature", "unknown key id", "wrong issuer", "wrong audience", "expired",
        "not yet valid", "key not endorsed for msteams", "serviceUrl mismatch", "alg none", "HS256",
    ];

    private string Forge(string kind, string serviceUrl)
    {
        var issuer = Bot.Issuer!;
        return kind switch
        {
            "bad signature" => issuer.CreateToken(serviceUrl, t => t.SigningKey = issuer.Rogue),
            "unknown key id" => issuer.CreateToken(serviceUrl, t => { t.SigningKey = issuer.Rogue; t.KeyId = issuer.Rogue.KeyId; }),
            "wrong issuer" => issuer.CreateToken(serviceUrl, t => t.Issuer = "https://api.botframework.example"),
            "wrong audience" => issuer.CreateToken(serviceUrl, t => t.Audience = Guid.NewGuid().ToString()),
            "expired" => issuer.CreateToken(serviceUrl, t => { t.NotBefore = DateTimeOffset.UtcNow.AddHours(-2); t.Expires = DateTimeOffset.UtcNow.AddMinutes(-6); }),
            "not yet valid" => issuer.CreateToken(serviceUrl, t => { t.NotBefore = DateTimeOffset.UtcNow.AddMinutes(6); t.Expires = DateTimeOffset.UtcNow.AddHours(1); }),
            "key not endorsed for msteams" => issuer.CreateToken(serviceUrl, t => { var key = issuer.AddKey("skype-only", "skype"); t.SigningKey = key; t.KeyId = key.KeyId; }),
            "serviceUrl mismatch" => issuer.CreateToken("https://smba.trafficmanager.net/amer/"),
            "alg none" => issuer.CreateToken(serviceUrl, t => t.Algorithm = "none"),
            "HS256" => issuer.CreateToken(serviceUrl, t => t.Algorithm = "HS256"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Fact]
    public async Task ValidToken_Is200_AndTheBotAnswers()
    {
        var user = TeamsUser.Create("Jan", "nl-BE");

        var reply = await Bot.PersonalChat(user).SendAsync("hulp");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Wat ik kan", reply.Card.Title);
        Assert.Equal("Bearer " + FakeTokenValue, Bot.Connector.Requests.Single().Authorization);
    }

    private const string FakeTokenValue = ConnectooBot.Testing.Connector.FakeBotAccessTokenProvider.DefaultToken;

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forgery_Is401_AndChangesNothing(string kind)
    {
        var user = TeamsUser.Create("Mallory", "en-US");
        var activity = Bot.Activities.PersonalInstall(user, "a:" + Guid.NewGuid().ToString("N"));
        HttpResponseMessage response;
        if (kind == "missing header")
        {
            response = await Bot.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(activity, ConnectooBot.Protocol.Schema.ProtocolJsonContext.Default.Activity), token: null);
        }
        else if (kind == "wrong scheme")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(activity, ConnectooBot.Protocol.Schema.ProtocolJsonContext.Default.Activity), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Bot.Issuer!.CreateToken(activity.ServiceUrl!));
            response = await Bot.Client.SendAsync(request);
        }
        else
        {
            response = await Bot.PostAsync(activity, Forge(kind, activity.ServiceUrl!));
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Empty(Bot.Connector.Requests);
        Assert.Null(await Bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new(Bot.Activities.TenantId, user.AadObjectId), CancellationToken.None));
        Assert.Null(await Bot.Services.GetRequiredService<IConversationStore>().FindAsync(Bot.Activities.TenantId, activity.Conversation!.Id!, CancellationToken.None));
    }

    [Fact]
    public async Task MalformedBodyWithoutToken_Is401_NotA400()
    {
        using var response = await Bot.PostRawAsync("{ not json", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
