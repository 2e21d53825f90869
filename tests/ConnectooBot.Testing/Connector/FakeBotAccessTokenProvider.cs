using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Testing.Connector;

/// <summary>
/// A stand-in for MSAL in host tests: returns <see cref="Token"/> and counts the calls. Replace
/// <see cref="IBotAccessTokenProvider"/> with it when the test host has a <c>Bot:AppId</c>.
/// </summary>
public sealed class FakeBotAccessTokenProvider(string token = FakeBotAccessTokenProvider.DefaultToken) : IBotAccessTokenProvider
{
    public const string DefaultToken = "fake-connector-token";
    private int _calls;

    public string Token { get; } = token;

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult<string?>(Token);
    }
}
