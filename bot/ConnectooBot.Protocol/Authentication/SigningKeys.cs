using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ConnectooBot.Protocol.Authentication;

/// <summary>
/// The token issuer's OpenID metadata and JWKS, held as one snapshot that every fetch replaces whole, so a key the
/// issuer stopped publishing is no longer trusted once the next fetch has landed (teams-protocol.md §2.1).
/// <list type="bullet">
/// <item>Periodic refresh every <see cref="BotAuthenticationOptions.KeyRefreshInterval"/>: the snapshot in hand keeps
/// being served while the refresh runs (nobody waits for it); a failed refresh keeps the keys and tries again after
/// <see cref="BotAuthenticationOptions.UnknownKeyRefetchInterval"/>.</item>
/// <item>A key id nobody has seen (rollover): at most one fetch per <see cref="BotAuthenticationOptions.UnknownKeyRefetchInterval"/>;
/// only the request that started it waits for it, every other unknown key id in that interval is refused at once.
/// No lock: a request whose key is known never waits on a fetch.</item>
/// <item>Only the very first use waits for a fetch (there are no keys to serve before it); concurrent first uses share it.</item>
/// </list>
/// </summary>
public sealed class SigningKeys
{
    private readonly string _metadataUrl;
    private readonly IDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _unknownKeyInterval;
    private Snapshot? _current;
    private Task<Snapshot>? _fetching;
    private long _lastUnknownKeyFetch = long.MinValue;

    public SigningKeys(BotAuthenticationOptions options, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _metadataUrl = options.OpenIdMetadataUrl.ToString();
        _retriever = new HttpDocumentRetriever(http) { RequireHttps = !options.OpenIdMetadataUrl.IsLoopback };
        _time = time;
        _refreshInterval = options.KeyRefreshInterval;
        _unknownKeyInterval = options.UnknownKeyRefetchInterval;
    }

    /// <summary>The keys in hand; starts a refresh beside the caller when they are due for one.</summary>
    public async Task<OpenIdConnectConfiguration> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is null)
        {
            return (await FetchAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Configuration;
        }

        if (_time.GetTimestamp() >= current.RefreshDue)
        {
            RefreshInBackground();
        }

        return current.Configuration;
    }

    /// <summary>
    /// Fetches the keys again for <paramref name="keyId"/>, unknown to the snapshot the caller used. Null, at once,
    /// when another unknown key id already had this interval's fetch.
    /// </summary>
    public async Task<OpenIdConnectConfiguration?> RefetchForUnknownKeyAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } current && current.Configuration.SigningKeys.Any(k => k.KeyId == keyId))
        {
            return current.Configuration; // a fetch since the caller looked brought it
        }

        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastUnknownKeyFetch);
        if (last != long.MinValue && _time.GetElapsedTime(last, now) < _unknownKeyInterval)
        {
            return null;
        }

        if (Interlocked.CompareExchange(ref _lastUnknownKeyFetch, now, last) != last)
        {
            return null; // another request took this interval's fetch
        }

        return (await FetchAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Configuration;
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

    private void RefreshInBackground()
    {
        var refresh = FetchAsync();
        if (!refresh.IsCompleted)
        {
            // Nobody awaits a background refresh: observe its failure (the keys in hand stay, see CompleteFetchAsync).
            _ = refresh.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>The fetch in flight, or a new one. One at a time; it is not tied to any request's cancellation.</summary>
    private Task<Snapshot> FetchAsync()
    {
        if (Volatile.Read(ref _fetching) is { } running)
        {
            return running;
        }

        var fetch = new TaskCompletionSource<Snapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _fetching, fetch.Task, null) is { } other)
        {
            return other;
        }

        _ = CompleteFetchAsync(fetch);
        return fetch.Task;
    }

    private async Task CompleteFetchAsync(TaskCompletionSource<Snapshot> fetch)
    {
        try
        {
            // Bounded by the metadata HttpClient's timeout.
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl, _retriever, CancellationToken.None).ConfigureAwait(false);
            var snapshot = new Snapshot(configuration, After(_refreshInterval));
            Volatile.Write(ref _current, snapshot);
            Volatile.Write(ref _fetching, null);
            fetch.SetResult(snapshot);
        }
        catch (Exception ex)
        {
            if (Volatile.Read(ref _current) is { } kept)
            {
                Volatile.Write(ref _current, kept with { RefreshDue = After(_unknownKeyInterval) });
            }

            Volatile.Write(ref _fetching, null);
            fetch.SetException(ex);
        }
    }

    private long After(TimeSpan delay) => _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);

    private sealed record Snapshot(OpenIdConnectConfiguration Configuration, long RefreshDue);
}
