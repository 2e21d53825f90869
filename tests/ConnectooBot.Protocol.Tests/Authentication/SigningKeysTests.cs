using ConnectooBot.Protocol.Authentication;
using ConnectooBot.Testing.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Protocol.Tests.Authentication;

/// <summary>The issuer's keys over time: rollover, retirement, and unknown key ids that must not hold anybody up.</summary>
public sealed class SigningKeysTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly HttpClient _http = new();
    private TestTokenIssuer _issuer = null!;
    private BotAuthenticationOptions _options = null!;
    private JwtBotRequestAuthenticator _authenticator = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _options = new BotAuthenticationOptions { AppId = _issuer.AppId, OpenIdMetadataUrl = _issuer.MetadataUrl };
        _authenticator = new JwtBotRequestAuthenticator(Options.Create(_options), new SigningKeys(_options, _http, _time));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _issuer.DisposeAsync();
    }

    private Task<AuthenticationOutcome> AuthenticateWith(TestSigningKey key, string? keyId = null) =>
        _authenticator.AuthenticateAsync(
            "Bearer " + _issuer.CreateToken(ServiceUrl, t => { t.SigningKey = key; t.KeyId = keyId ?? key.KeyId; }),
            "msteams",
            CancellationToken.None);

    [Fact]
    public async Task KeyRemovedFromTheJwks_IsRefusedOnceTheKeysAreRefreshed()
    {
        var retired = _issuer.Current;
        var rolled = _issuer.AddKey("key-2", "msteams");
        Assert.True((await AuthenticateWith(retired)).Succeeded);
        Assert.True((await AuthenticateWith(rolled)).Succeeded); // an unknown kid: the keys are fetched again

        _issuer.RemoveKey(retired);
        _time.Advance(_options.KeyRefreshInterval + TimeSpan.FromMinutes(1));

        // The refresh runs beside the requests (none of them waits for it): ask until it has landed.
        var outcome = await AuthenticateWith(retired);
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); outcome.Succeeded && clock.Elapsed < Guard; outcome = await AuthenticateWith(retired))
        {
            await Task.Delay(20);
        }

        Assert.False(outcome.Succeeded, "a key the JWKS no longer publishes was still trusted after the refresh");
        Assert.True((await AuthenticateWith(rolled)).Succeeded, (await AuthenticateWith(rolled)).FailureReason);
    }

    [Fact]
    public async Task UnknownKeyIds_FailFastWhileARefetchHangs_AndKnownKeysNeverWait()
    {
        Assert.True((await AuthenticateWith(_issuer.Current)).Succeeded);

        var hold = _issuer.HoldKeys();
        var refetching = AuthenticateWith(_issuer.Rogue, "rogue-1");
        await hold.Reached.WaitAsync(Guard);
        var anotherUnknown = AuthenticateWith(_issuer.Rogue, "rogue-2");
        var known = AuthenticateWith(_issuer.Current);

        // Before: the second unknown kid queued behind the first one's lock for as long as the key endpoint hung.
        var answered = await Task.WhenAll(anotherUnknown, known).WaitAsync(Guard);
        Assert.False(refetching.IsCompleted);
        Assert.False(answered[0].Succeeded);
        Assert.True(answered[1].Succeeded, answered[1].FailureReason);

        hold.Dispose();
        Assert.False((await refetching.WaitAsync(Guard)).Succeeded);
    }

    [Fact]
    public async Task KeysDueForRefresh_AreStillServedWhileTheRefreshHangs()
    {
        Assert.True((await AuthenticateWith(_issuer.Current)).Succeeded);
        var hold = _issuer.HoldKeys();
        _time.Advance(_options.KeyRefreshInterval + TimeSpan.FromMinutes(1));

        var outcome = await AuthenticateWith(_issuer.Current).WaitAsync(Guard);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        hold.Dispose();
    }
}
