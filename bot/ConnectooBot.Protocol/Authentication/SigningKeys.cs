using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ConnectooBot.Protocol.Authentication;

/// <summary>
/// The OpenID metadata and JWKS of the token issuer, cached by IdentityModel's <see cref="ConfigurationManager{T}"/>
/// (refreshed every <see cref="BotAuthenticationOptions.KeyRefreshInterval"/>), plus a rate-limited direct fetch for a
/// key id nobody has seen yet (rollover).
/// </summary>
public sealed class SigningKeys : IDisposable
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly string _metadataUrl;
    private readonly IDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refetchInterval;
    private readonly SemaphoreSlim _refetchGate = new(1, 1);
    private OpenIdConnectConfiguration? _refetched;
    private long _lastRefetch;

    public SigningKeys(BotAuthenticationOptions options, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metadataUrl = options.OpenIdMetadataUrl.ToString();
        _retriever = new HttpDocumentRetriever(http) { RequireHttps = !options.OpenIdMetadataUrl.IsLoopback };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(_metadataUrl, new OpenIdConnectConfigurationRetriever(), _retriever)
        {
            AutomaticRefreshInterval = options.KeyRefreshInterval,
        };
        _time = time;
        _refetchInterval = options.UnknownKeyRefetchInterval;
        _lastRefetch = long.MinValue;
    }

    public async Task<OpenIdConnectConfiguration> CurrentAsync(CancellationToken cancellationToken)
    {
        var configuration = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        return _refetched is { } newer && !Has(configuration, newer) ? newer : configuration;
    }

    /// <summary>Fetches the metadata again when <paramref name="keyId"/> is unknown, at most once per interval. Null when throttled.</summary>
    public async Task<OpenIdConnectConfiguration?> RefetchForUnknownKeyAsync(string? keyId, CancellationToken cancellationToken)
    {
        await _refetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetTimestamp();
            if (_lastRefetch != long.MinValue && _time.GetElapsedTime(_lastRefetch, now) < _refetchInterval)
            {
                return _refetched is { } known && known.SigningKeys.Any(k => k.KeyId == keyId) ? known : null;
            }

            _lastRefetch = now;
            // The manager keeps its copy until its next refresh; CurrentAsync prefers this one while it knows more keys.
            _refetched = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl, _retriever, cancellationToken).ConfigureAwait(false);
            return _refetched;
        }
        finally
        {
            _refetchGate.Release();
        }
    }

    /// <summary>The channels a signing key is endorsed for (the JWKS key's extra <c>endorsements</c> member).</summary>
    public static IReadOnlyList<string> EndorsementsOf(OpenIdConnectConfiguration configuration, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.KeyId == keyId);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            IEnumerable<object> list => [.. list.OfType<string>()],
            _ => [],
        };
    }

    public void Dispose() => _refetchGate.Dispose();

    private static bool Has(OpenIdConnectConfiguration current, OpenIdConnectConfiguration newer) =>
        newer.SigningKeys.All(n => current.SigningKeys.Any(c => c.KeyId == n.KeyId));
}
