namespace ConnectooBot.Protocol.Connector;

/// <summary>The bot's bearer token for the connector (teams-protocol.md §3.1).</summary>
public interface IBotAccessTokenProvider
{
    /// <summary>
    /// A valid access token, from cache until near expiry; <see langword="null"/> when authentication is off
    /// (no <c>Bot:AppId</c>, local development), in which case no Authorization header is sent.
    /// </summary>
    ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}
