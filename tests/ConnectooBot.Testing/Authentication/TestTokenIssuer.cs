using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConnectooBot.Testing.Authentication;

/// <summary>
/// A stand-in for the Bot Framework token service: serves OpenID metadata and a JWKS (keys carry "endorsements") on a
/// loopback port, and mints real signed tokens — valid ones, and forged ones on demand. Keys can be added and removed
/// while it runs (rollover). Configure the bot with <see cref="MetadataUrl"/>, <see cref="Issuer"/> and <see cref="AppId"/>.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<TestSigningKey> _keys = [];
    private readonly object _gate = new();
    private KeysHold? _hold;

    private TestTokenIssuer(WebApplication app, string baseUrl)
    {
        _app = app;
        MetadataUrl = new Uri(baseUrl + "/v1/.well-known/openidconfiguration");
        Issuer = "https://api.botframework.com";
    }

    public Uri MetadataUrl { get; }

    public string Issuer { get; }

    public string AppId { get; } = "00000000-0000-0000-0000-00000000b071";

    /// <summary>The key valid tokens are signed with (endorsed for msteams).</summary>
    public TestSigningKey Current { get; private set; } = null!;

    /// <summary>A key the JWKS does not publish.</summary>
    public TestSigningKey Rogue { get; } = new("rogue-key", "msteams");

    /// <summary>How many times the metadata or keys were fetched.</summary>
    public int Fetches { get; private set; }

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TestTokenIssuer? issuer = null;
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Text(issuer!.Metadata(http), "application/json"));
        app.MapGet("/v1/.well-known/keys", async () =>
        {
            await issuer!.WhileHeldAsync();
            return Results.Text(issuer.Jwks(), "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer = new TestTokenIssuer(app, address.TrimEnd('/'));
        issuer.Current = issuer.AddKey("key-1", "msteams", "skype");
        return issuer;
    }

    public TestSigningKey AddKey(string keyId, params string[] endorsements)
    {
        var key = new TestSigningKey(keyId, endorsements);
        lock (_gate)
        {
            _keys.Add(key);
        }

        return key;
    }

    public void RemoveKey(TestSigningKey key)
    {
        lock (_gate)
        {
            _keys.Remove(key);
        }
    }

    /// <summary>
    /// Holds every JWKS request until the returned hold is disposed (a slow or hanging key endpoint);
    /// <see cref="KeysHold.Reached"/> completes when the first held request arrived.
    /// </summary>
    public KeysHold HoldKeys()
    {
        var hold = new KeysHold(() => Interlocked.Exchange(ref _hold, null));
        if (Interlocked.CompareExchange(ref _hold, hold, null) is not null)
        {
            throw new InvalidOperationException("The keys are already held.");
        }

        return hold;
    }

    /// <summary>A valid token for <paramref name="serviceUrl"/>, bent by <paramref name="configure"/>.</summary>
    public string CreateToken(string serviceUrl, Action<TokenSpec>? configure = null)
    {
        var now = DateTimeOffset.UtcNow;
        var spec = new TokenSpec
        {
            Issuer = Issuer,
            Audience = AppId,
            ServiceUrl = serviceUrl,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(59),
            KeyId = Current.KeyId,
            SigningKey = Current,
        };
        configure?.Invoke(spec);
        return spec.Algorithm switch
        {
            "none" => Unsigned(spec),
            "HS256" => Sign(spec, new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))) { KeyId = spec.KeyId }, SecurityAlgorithms.HmacSha256)),
            _ => Sign(spec, new SigningCredentials(new RsaSecurityKey(spec.SigningKey.SecurityKey.Rsa) { KeyId = spec.KeyId }, SecurityAlgorithms.RsaSha256)),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var key in _keys)
        {
            key.Dispose();
        }

        Rogue.Dispose();
    }

    private Task WhileHeldAsync() => Volatile.Read(ref _hold)?.WaitAsync() ?? Task.CompletedTask;

    private static string Sign(TokenSpec spec, SigningCredentials credentials)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            NotBefore = spec.NotBefore.UtcDateTime,
            Expires = spec.Expires.UtcDateTime,
            IssuedAt = spec.NotBefore.UtcDateTime,
            SigningCredentials = credentials,
            Subject = new ClaimsIdentity(spec.ServiceUrl is null ? [] : [new Claim("serviceurl", spec.ServiceUrl)]),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static string Unsigned(TokenSpec spec)
    {
        static string Part(JsonObject json) => Base64UrlEncoder.Encode(json.ToJsonString());
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = spec.KeyId };
        var payload = new JsonObject
        {
            ["iss"] = spec.Issuer,
            ["aud"] = spec.Audience,
            ["nbf"] = spec.NotBefore.ToUnixTimeSeconds(),
            ["exp"] = spec.Expires.ToUnixTimeSeconds(),
            ["serviceurl"] = spec.ServiceUrl,
        };
        return $"{Part(header)}.{Part(payload)}.";
    }

    private string Metadata(HttpContext http)
    {
        Fetches++;
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        return new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = baseUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString();
    }

    private string Jwks()
    {
        Fetches++;
        var keys = new JsonArray();
        lock (_gate)
        {
            foreach (var key in _keys)
            {
                var jwk = key.PublicJwk();
                keys.Add(new JsonObject
                {
                    ["kty"] = jwk.Kty,
                    ["use"] = "sig",
                    ["kid"] = jwk.Kid,
                    ["n"] = jwk.N,
                    ["e"] = jwk.E,
                    ["endorsements"] = new JsonArray([.. key.Endorsements.Select(e => (JsonNode)JsonValue.Create(e)!)]),
                });
            }
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }
}
