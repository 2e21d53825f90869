namespace ConnectooBot.Protocol.Connector;

/// <summary>Used when no <c>Bot:AppId</c> is configured (local development): calls go out without a token.</summary>
public sealed class AnonymousBotAccessTokenProvider : IBotAccessTokenProvider
{
    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
