using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Web.Insights;

/// <summary>The insights feature's log lines (EventIds 3900–3919): counts and durations only, never a name or an id.</summary>
internal static partial class Log
{
    [LoggerMessage(3900, LogLevel.Information, "Programme rollup: {Tenants} tenants, {Learners} learner rows read in {ElapsedMs} ms")]
    public static partial void RollupCompleted(ILogger logger, int tenants, int learners, long elapsedMs);

    [LoggerMessage(3901, LogLevel.Debug, "Programme snapshot saved: {Learners} learners, {Teams} teams, {TeamsWithoutRoster} teams without roster, in {ElapsedMs} ms")]
    public static partial void SnapshotSaved(ILogger logger, int learners, int teams, int teamsWithoutRoster, long elapsedMs);

    [LoggerMessage(3902, LogLevel.Warning, "A team roster could not be read for the programme rollup ({Failure}); that team's split is missing from the snapshot")]
    public static partial void RosterUnavailable(ILogger logger, ConnectorFailure failure);

    [LoggerMessage(3903, LogLevel.Error, "A programme rollup failed; the next period tries again")]
    public static partial void RollupFailed(ILogger logger, Exception exception);

    [LoggerMessage(3904, LogLevel.Debug, "The programme rollup of this period is done by another instance (lease until {Until})")]
    public static partial void RollupLeasedElsewhere(ILogger logger, DateTimeOffset until);
}
