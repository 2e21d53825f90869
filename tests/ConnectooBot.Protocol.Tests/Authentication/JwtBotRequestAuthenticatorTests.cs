using ConnectooBot.Protocol.Authentication;
using ConnectooBot.Testing.Authentication;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Tests.Authentication;

public sealed class JwtBotRequestAuthenticatorTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private TestTokenIssuer _issuer = null!;
    private JwtBotRequestAuthenticator _authenticator = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        var options = new BotAuthenticationOptions { AppId = _issuer.AppId, OpenIdMetadataUrl = _issuer.MetadataUrl, UnknownKeyRefetchInterval = TimeSpan.FromMinutes(1) };
        _authenticator = new JwtBotRequestAuthenticator(Options.Create(options), new SigningKeys(options, _http, TimeProvider.System));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _issuer.DisposeAsync();
    }

    private Task<AuthenticationOutcome> Authenticate(string? header, string? channel = "msteams") =>
        _authenticator.AuthenticateAsync(header, channel, CancellationToken.None);

    private string Bearer(Action<TokenSpec>? configure = null) => "Bearer " + _issuer.CreateToken(ServiceUrl, configure);

    [Fact]
    public async Task ValidToken_Succeeds_AndReturnsTheServiceUrlClaim()
    {
        var outcome = await Authenticate(Bearer());

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.Equal(ServiceUrl, outcome.ServiceUrlClaim);
    }

    [Fact]
    public async Task ExpiredWithinTheFiveMinuteSkew_IsAccepted()
    {
        var outcome = await Authenticate(Bearer(t => { t.NotBefore = DateTimeOffset.UtcNow.AddHours(-1); t.Expires = DateTimeOffset.UtcNow.AddMinutes(-4); }));

        Assert.True(outcome.Succeeded, outcome.FailureReason);
    }

    public static TheoryData<string, Action<TokenSpec>?, string?> Forgeries() => new()
    {
        { "wrong scheme", null, "Basic dXNlcjpwYXNz" },
        { "garbage", null, "Bearer not.a.jwt" },
        { "bad signature (rogue key, known kid)", t => t.SigningKey = RogueHolder.Rogue!, null },
        { "unknown kid", t => { t.SigningKey = RogueHolder.Rogue!; t.KeyId = "rogue-key"; }, null },
        { "wrong issuer", t => t.Issuer = "https://evil.example", null },
        { "wrong audience", t => t.Audience = "11111111-1111-1111-1111-111111111111", null },
        { "expired", t => { t.NotBefore = DateTimeOffset.UtcNow.AddHours(-2); t.Expires = DateTimeOffset.UtcNow.AddMinutes(-6); }, null },
        { "not yet valid", t => { t.NotBefore = DateTimeOffset.UtcNow.AddMinutes(6); t.Expires = DateTimeOffset.UtcNow.AddHours(1); }, null },
        { "alg none", t => t.Algorithm = "none", null },
        { "HS256", t => t.Algorithm = "HS256", null },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forgery_IsRejected(string name, Action<TokenSpec>? bend, string? rawHeader)
    {
        RogueHolder.Rogue = _issuer.Rogue;

        var outcome = await Authenticate(rawHeader ?? Bearer(bend));

        Assert.False(outcome.Succeeded, name);
        Assert.False(string.IsNullOrEmpty(outcome.FailureReason));
        Assert.Null(outcome.Identity);
    }

    [Fact]
    public async Task MissingHeader_IsRejected()
    {
        Assert.False((await Authenticate(null)).Succeeded);
    }

    [Fact]
    public async Task KeyNotEndorsedForTheChannel_IsRejected()
    {
        var skypeOnly = _issuer.AddKey("key-skype", "skype");

        var outcome = await Authenticate(Bearer(t => { t.SigningKey = skypeOnly; t.KeyId = skypeOnly.KeyId; }));

        Assert.False(outcome.Succeeded);
        Assert.Contains("endorsed", outcome.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task NoChannel_IsRejected_EvenWithAKeyEndorsedForNothing(string? channel)
    {
        // Before: the endorsement check was skipped when the activity named no channel.
        var endorsedForNothing = _issuer.AddKey("key-bare");

        var outcome = await Authenticate(Bearer(t => { t.SigningKey = endorsedForNothing; t.KeyId = endorsedForNothing.KeyId; }), channel);

        Assert.False(outcome.Succeeded);
        Assert.Contains("channel", outcome.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyAddedAfterTheFirstRequest_IsFoundByRefetching()
    {
        Assert.True((await Authenticate(Bearer())).Succeeded);
        var rolled = _issuer.AddKey("key-2", "msteams");

        var outcome = await Authenticate(Bearer(t => { t.SigningKey = rolled; t.KeyId = rolled.KeyId; }));

        Assert.True(outcome.Succeeded, outcome.FailureReason);
    }

    [Fact]
    public async Task UnknownKeyIds_DoNotHammerTheMetadataEndpoint()
    {
        await Authenticate(Bearer());
        var before = _issuer.Fetches;

        for (var i = 0; i < 20; i++)
        {
            await Authenticate(Bearer(t => { t.SigningKey = _issuer.Rogue; t.KeyId = $"random-{i}"; }));
        }

        Assert.True(_issuer.Fetches - before <= 2, $"{_issuer.Fetches - before} fetches"); // one metadata + one JWKS fetch per interval
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://SMBA.trafficmanager.net/emea", true)]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/amer/", false)]
    [InlineData(null, "https://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net/emea/", null, false)]
    public void ServiceUrlComparer_IgnoresCaseAndTrailingSlashOnly(string? claim, string? activity, bool same)
    {
        Assert.Equal(same, ServiceUrlComparer.AreSame(claim, activity));
    }

    /// <summary>The theory data is static; the rogue key belongs to the running issuer.</summary>
    private static class RogueHolder
    {
        public static TestSigningKey? Rogue { get; set; }
    }
}
