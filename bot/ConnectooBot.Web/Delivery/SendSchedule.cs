namespace ConnectooBot.Web.Delivery;

/// <summary>
/// One tenant's send slots: a token bucket of <c>burst</c> tokens refilled at <c>rate</c> per second, kept as the
/// time its next token is earned (the generic cell rate algorithm's "theoretical arrival time"), in seconds since the
/// schedule was made, as a double. A reservation takes the earliest slot at which the bucket holds a token and moves
/// that time on by exactly 1/rate: the fraction of a token earned between two slots is never rounded away or clamped,
/// whatever the burst. The slots bound the sends; the POSTs themselves come a storage write later, so a slow write
/// can bunch them: <see cref="ReservePost"/> holds a POST until at most rate + burst − 1 of them fall in any second
/// (a sliding window over the last POST times), as a per-second limiter such as Teams' counts them. Thread-safe.
/// </summary>
internal sealed class SendSchedule(int rate, int burst, DateTimeOffset origin) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private readonly DateTimeOffset[] _posts = CreatePostWindow(rate + burst - 1);
    private int _oldestPost;
    private readonly double _interval = 1.0 / rate;
    private readonly double _tolerance = (burst - 1) * (1.0 / rate);
    private double _nextToken = double.NegativeInfinity;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private CancellationTokenSource _rescheduled = new();
    private DateTimeOffset _streakUntil = DateTimeOffset.MinValue;

    /// <summary>The end of the tenant's current 429 pause, if it was ever paused.</summary>
    public DateTimeOffset? PausedUntil
    {
        get
        {
            lock (_lock)
            {
                return _pausedUntil == DateTimeOffset.MinValue ? null : _pausedUntil;
            }
        }
    }

    /// <summary>
    /// The earliest slot at or after <paramref name="now"/>, reserved when it is not later than
    /// <paramref name="deadline"/> (else only reported). <see cref="Reservation.Rescheduled"/> is cancelled when a pause
    /// voids the slot.
    /// </summary>
    public Reservation Reserve(DateTimeOffset now, DateTimeOffset deadline)
    {
        lock (_lock)
        {
            var earliest = Math.Max(Math.Max(Seconds(now), _nextToken - _tolerance), Seconds(_pausedUntil));
            var at = origin + TimeSpan.FromSeconds(earliest);
            if (at > deadline)
            {
                return new Reservation(false, at, CancellationToken.None);
            }

            _nextToken = Math.Max(_nextToken, earliest) + _interval;
            return new Reservation(true, at < now ? now : at, _rescheduled.Token);
        }
    }

    /// <summary>
    /// No slot before <paramref name="until"/>, and none of the burst right after it (Teams just said "too many"):
    /// slots resume one interval apart. The waiters' slots are voided (they reserve again). An earlier pause than the
    /// current one changes nothing.
    /// </summary>
    public void Pause(DateTimeOffset until)
    {
        CancellationTokenSource? voided;
        lock (_lock)
        {
            voided = PauseLocked(until);
        }

        // Not disposed: a waiter may be linking to its token right now (it holds no timer, nothing to release).
        voided?.Cancel();
    }

    /// <summary>
    /// A 429 at <paramref name="now"/>: the tenant pauses for <paramref name="firstPause"/> (at most
    /// <paramref name="retryAfter"/>) — one window too full is over as soon as its oldest sends age out — unless it is a
    /// streak: a 429 for a send made after the previous 429's pause and within that 429's Retry-After, which pauses the
    /// tenant for the whole Retry-After. 429s answering sends already under way when the pause began change nothing.
    /// Returns the end of the pause.
    /// </summary>
    public DateTimeOffset Throttled(DateTimeOffset now, TimeSpan retryAfter, TimeSpan firstPause)
    {
        DateTimeOffset until;
        CancellationTokenSource? voided;
        lock (_lock)
        {
            if (now < _pausedUntil)
            {
                return _pausedUntil;
            }

            until = now + (now < _streakUntil || retryAfter < firstPause ? retryAfter : firstPause);
            _streakUntil = now + retryAfter;
            voided = PauseLocked(until);
        }

        voided?.Cancel();
        return until;
    }

    /// <summary>When a POST may start so that no second holds more than rate + burst − 1 of them; that time is taken.</summary>
    public DateTimeOffset ReservePost(DateTimeOffset now)
    {
        lock (_lock)
        {
            var oldest = _posts[_oldestPost];
            var at = oldest + Window > now ? oldest + Window : now;
            _posts[_oldestPost] = at;
            _oldestPost = (_oldestPost + 1) % _posts.Length;
            return at;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _rescheduled.Dispose();
        }
    }

    /// <summary>Moves the schedule past <paramref name="until"/>; returns the voided waiters' token source to cancel (outside the lock).</summary>
    private CancellationTokenSource? PauseLocked(DateTimeOffset until)
    {
        if (until <= _pausedUntil)
        {
            return null;
        }

        _pausedUntil = until;
        _nextToken = Seconds(until) + _tolerance;
        var voided = _rescheduled;
        _rescheduled = new CancellationTokenSource();
        return voided;
    }

    private static DateTimeOffset[] CreatePostWindow(int size)
    {
        var posts = new DateTimeOffset[Math.Max(1, size)];
        Array.Fill(posts, DateTimeOffset.MinValue);
        return posts;
    }

    private double Seconds(DateTimeOffset time) => time == DateTimeOffset.MinValue ? double.NegativeInfinity : (time - origin).TotalSeconds;

    /// <summary>A slot: whether it was reserved, when, and a token cancelled if a pause voids it.</summary>
    internal readonly record struct Reservation(bool Reserved, DateTimeOffset At, CancellationToken Rescheduled);
}
