using System.Net.Http.Headers;

namespace ConnectooBot.Benchmarks;

/// <summary>Puts one bearer token on every request, as the Bot Connector does (it reuses a token for its hour).</summary>
internal sealed class BearerTokenHandler(string token) : DelegatingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
