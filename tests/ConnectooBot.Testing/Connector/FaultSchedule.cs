namespace ConnectooBot.Testing.Connector;

/// <summary>Faults ordered by the test, consumed one request at a time, and an optional requests-per-second limit.</summary>
internal sealed class FaultSchedule(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly List<PendingFault> _pending = [];
    private readonly Queue<long> _recent = new();
    private int? _requestsPerSecond;

    public void Add(int times, ConnectorFault fault, Func<RecordedRequest, bool>? when)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _pending.Add(new PendingFault(fault, when) { Remaining = times });
        }
    }

    public void LimitRate(int? requestsPerSecond)
    {
        lock (_gate)
        {
            _requestsPerSecond = requestsPerSecond;
            _recent.Clear();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
            _recent.Clear();
            _requestsPerSecond = null;
        }
    }

    /// <summary>The fault this request gets, if any: an ordered fault first, then the rate limit.</summary>
    public ConnectorFault? Next(RecordedRequest request)
    {
        lock (_gate)
        {
            var pending = _pending.Find(p => p.Remaining > 0 && (p.When is null || p.When(request)));
            if (pending is not null)
            {
                pending.Remaining--;
                _pending.RemoveAll(p => p.Remaining == 0);
                return pending.Fault;
            }

            return OverRateLimit() ? ConnectorFault.Throttled(TimeSpan.FromSeconds(1)) : null;
        }
    }

    private bool OverRateLimit()
    {
        if (_requestsPerSecond is not { } limit)
        {
            return false;
        }

        var now = timeProvider.GetTimestamp();
        while (_recent.Count > 0 && timeProvider.GetElapsedTime(_recent.Peek(), now) >= TimeSpan.FromSeconds(1))
        {
            _recent.Dequeue();
        }

        if (_recent.Count >= limit)
        {
            return true;
        }

        _recent.Enqueue(now);
        return false;
    }

    private sealed record PendingFault(ConnectorFault Fault, Func<RecordedRequest, bool>? When)
    {
        public int Remaining { get; set; }
    }
}
