namespace ConnectooBot.Web.Delivery;

/// <summary>Retry delays after transient failures: exponential from a base, capped, with ±20 % jitter.</summary>
internal static class DeliveryBackoff
{
    /// <param name="attempt">The attempt that failed (1 for the first).</param>
    /// <param name="jitter">A number in [0, 1) (random in production).</param>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var raw = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        var jittered = raw * (0.8 + (0.4 * Math.Clamp(jitter, 0, 1)));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, maxDelay.TotalMilliseconds));
    }
}
