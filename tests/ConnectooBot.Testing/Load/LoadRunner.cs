using System.Diagnostics;
using System.Threading.RateLimiting;

namespace ConnectooBot.Testing.Load;

/// <summary>
/// Runs simulated users against a bot, each in its own loop (closed loop: the next turn starts when the answer
/// arrived), optionally paced to a total rate. Turns that start during the warm-up are not measured; latency is the
/// time from sending the request to reading the whole answer. At the end no new turn starts, and the turns in flight
/// finish (never cut off: a request broken off mid-way would be a different load).
/// </summary>
public static class LoadRunner
{
    /// <summary>
    /// The driver must not measure itself: on 2 cores the thread pool starts with 2 threads, and the test process
    /// (xUnit, the recording connector) sometimes held them all, so the runtime reported starvation and a turn seemed to
    /// take up to a second while the bot showed none (EventPipe: no starvation, no long GC, no lock contention in the
    /// bot). Load generators keep threads ready for this reason.
    /// </summary>
    private static void EnoughDriverThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        var wanted = Math.Max(32, Environment.ProcessorCount * 8);
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, Math.Max(io, wanted));
        }
    }

    public static async Task<LoadResult> RunAsync(
        HttpClient bot,
        IReadOnlyList<ITurnSource> users,
        TimeSpan warmUp,
        TimeSpan measure,
        double? turnsPerSecond = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(users);
        EnoughDriverThreads();
        using var pacing = turnsPerSecond is { } rate ? Pacer(rate) : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var measureUntil = warmUp + measure;
        var perUser = users.Select(_ => new UserTally()).ToArray();
        stop.CancelAfter(measureUntil);
        await Task.WhenAll(users.Select((user, i) => LoopAsync(user, perUser[i])));
        var tally = perUser.Aggregate(new UserTally(), (all, one) => all.Add(one));
        return LoadResult.From(users.Count, tally.Latencies, tally.Unexpected, tally.ServerErrors, measure.TotalSeconds);

        async Task LoopAsync(ITurnSource user, UserTally mine)
        {
            while (!stop.IsCancellationRequested)
            {
                if (pacing is not null)
                {
                    try
                    {
                        using var lease = await pacing.AcquireAsync(1, stop.Token);
                        if (!lease.IsAcquired)
                        {
                            return;
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                var started = clock.Elapsed;
                if (started >= measureUntil)
                {
                    return;
                }

                TurnOutcome outcome;
                try
                {
                    outcome = await user.NextTurnAsync(bot, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException)
                {
                    outcome = new TurnOutcome(0, false, "network");
                }

                var ended = clock.Elapsed;
                if (started >= measureFrom)
                {
                    mine.Record((ended - started).TotalMilliseconds, outcome);
                }
            }
        }
    }

    private static TokenBucketRateLimiter Pacer(double turnsPerSecond)
    {
        // Tokens every 50 ms (or one token per 1/rate when slower), a burst of one period: a steady rate, no catch-up.
        var period = TimeSpan.FromSeconds(Math.Max(0.05, 1 / turnsPerSecond));
        var perPeriod = Math.Max(1, (int)Math.Round(turnsPerSecond * period.TotalSeconds));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perPeriod,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private sealed class UserTally
    {
        public List<double> Latencies { get; } = [];

        public int Unexpected { get; private set; }

        public int ServerErrors { get; private set; }

        public void Record(double ms, TurnOutcome outcome)
        {
            Latencies.Add(ms);
            Unexpected += outcome.Expected ? 0 : 1;
            ServerErrors += outcome.Status is 0 or >= 500 ? 1 : 0;
        }

        public UserTally Add(UserTally other)
        {
            Latencies.AddRange(other.Latencies);
            Unexpected += other.Unexpected;
            ServerErrors += other.ServerErrors;
            return this;
        }
    }
}
