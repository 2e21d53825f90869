using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Learning.Teams;

/// <summary>Changes a team record with optimistic concurrency (<see cref="OptimisticUpdate"/>).</summary>
public sealed class TeamUpdater(ITeamStore store, TimeProvider time, IConflictObserver? conflicts = null)
{
    /// <param name="change">Given the current team (null if unknown), the new team, or the same instance for "no change".</param>
    public Task<TeamRecord?> UpdateAsync(string tenantId, string teamId, Func<TeamRecord?, TeamRecord?> change, CancellationToken cancellationToken) =>
        OptimisticUpdate.RunAsync(
            ct => store.FindAsync(tenantId, teamId, ct),
            (team, ct) => store.InsertAsync(team, ct),
            (team, etag, ct) => store.ReplaceAsync(team, etag, ct),
            change,
            conflicts is null ? null : () => conflicts.OnConflict("team"),
            time,
            cancellationToken);
}
