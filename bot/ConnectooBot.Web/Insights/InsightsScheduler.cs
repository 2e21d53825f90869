using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Scheduling;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Insights;

/// <summary>
/// Rebuilds the programme snapshots every <see cref="InsightsOptions.RollupInterval"/>, the first one period after
/// start. Of several instances, one
/// computes per period: it holds the lease on one claim row (scope <see cref="Scope"/>) until shortly before the next
/// period, and never marks it done, so the next period's lease is granted again to whichever instance asks first. An
/// instance that dies mid-rollup loses nothing: the next period rebuilds from the stored learners.
/// </summary>
internal sealed class InsightsScheduler(
    IScheduleClaims claims,
    ProgrammeRollupService rollup,
    IOptions<InsightsOptions> options,
    TimeProvider time,
    ILogger<InsightsScheduler> logger) : BackgroundService
{
    public const string Scope = "insights/rollup";
    private const string Key = "programme";

    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            return;
        }

        // The first rollup comes one period after start: a restart (or a test host) does not scan every learner at once;
        // the dashboard can run it now (ProgrammeRollupService) when no snapshot exists yet.
        using var timer = new PeriodicTimer(options.Value.RollupInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.RollupFailed(logger, e);
            }
        }
    }

    /// <summary>One period: rolls up when this instance gets the lease. Returns the runs (empty when another instance has it).</summary>
    public async Task<IReadOnlyList<RollupRun>> TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var interval = options.Value.RollupInterval;
        var until = now + interval - TimeSpan.FromTicks(Math.Min(interval.Ticks / 10, TimeSpan.FromSeconds(30).Ticks));
        switch (await claims.TryLeaseAsync(Scope, Key, _owner, now, until, cancellationToken))
        {
            case ScheduleLeaseResult.Granted:
                return await rollup.RunAllAsync(cancellationToken);
            case ScheduleLeaseResult.Busy busy:
                Log.RollupLeasedElsewhere(logger, busy.Until);
                return [];
            default:
                return [];
        }
    }
}
