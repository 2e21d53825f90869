namespace ConnectooBot.Testing.Load;

/// <summary>The HTTP client a load driver uses: one pool, as many connections as the load needs, none recycled mid-run.</summary>
public static class LoadHttpClient
{
    public static HttpClient For(Uri baseAddress) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
}
