using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Privacy;

/// <summary>
/// Purges the data of learners inactive for longer than <see cref="RetentionOptions.InactiveLearnerPeriod"/>, once a
/// day: the same erasure as "delete my data", keeping issued badges valid (they belong to their holder). The same pass
/// deletes activity claims older than <see cref="RetentionOptions.ActivityClaimPeriod"/>.
/// </summary>
internal sealed class RetentionService(
    ILearnerStore learners,
    IActivityClaims claims,
    PersonalDataStore data,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.RetentionFailed(logger, e);
            }
        }
    }

    /// <returns>How many learners were purged.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.InactiveLearnerPeriod;
        var expired = new List<LearnerKey>();
        await foreach (var learner in learners.ListAllAsync(cancellationToken))
        {
            if (learner.LastActive < cutoff)
            {
                expired.Add(learner.Key);
            }
        }

        foreach (var key in expired)
        {
            _ = await data.EraseAsync(key, keepBadges: true, cancellationToken); // an erasure owed elsewhere is retried by its feature
        }

        Log.RetentionPurged(logger, expired.Count);
        var claimsPurged = await claims.PurgeAsync(time.GetUtcNow() - options.Value.ActivityClaimPeriod, cancellationToken);
        Log.ActivityClaimsPurged(logger, claimsPurged);
        return expired.Count;
    }
}
