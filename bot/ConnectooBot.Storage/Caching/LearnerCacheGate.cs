namespace ConnectooBot.Storage.Caching;

/// <summary>
/// Whether serving learners from memory pays on this instance. A copy served from memory saves a read when it is still
/// current, and costs a failed write when another instance changed the learner since (a turn routed to another
/// instance): the gate follows the share of served copies that turned out stale (a moving average over about the last
/// 32) and stops serving while it is above a quarter. Then 1 request in 16 is still served, as a probe, so that the
/// gate opens again when the instance is alone once more (scale-in, or a sticky route).
/// </summary>
internal sealed class LearnerCacheGate
{
    public const double CloseAbove = 0.25;
    public const int ProbeEvery = 16;
    private const double Weight = 1.0 / 32;
    private readonly Lock _lock = new();
    private double _staleShare;
    private int _requests;

    /// <summary>The current moving share of stale copies (0 to 1).</summary>
    public double StaleShare
    {
        get
        {
            lock (_lock)
            {
                return _staleShare;
            }
        }
    }

    /// <summary>True when this read may be served from memory: the gate is open, or this is a probe.</summary>
    public bool MayServe()
    {
        lock (_lock)
        {
            return _staleShare <= CloseAbove || ++_requests % ProbeEvery == 0;
        }
    }

    /// <summary>A write presented the ETag of a copy served from memory: <paramref name="stale"/> if it lost to another writer.</summary>
    public void Record(bool stale)
    {
        lock (_lock)
        {
            _staleShare += Weight * ((stale ? 1 : 0) - _staleShare);
        }
    }
}
