namespace ConnectooBot.Protocol.Connector;

/// <summary>Reads <c>Retry-After</c> as seconds or as an HTTP date, measured against the injected clock.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
