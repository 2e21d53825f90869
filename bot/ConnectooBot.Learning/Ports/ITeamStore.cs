using ConnectooBot.Learning.Teams;

namespace ConnectooBot.Learning.Ports;

/// <summary>Teams the bot is installed in, keyed by tenant and team id, with ETag optimistic concurrency.</summary>
public interface ITeamStore
{
    Task<Versioned<TeamRecord>?> FindAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="ConcurrencyConflictException"/> when the team already exists.</summary>
    Task<string> InsertAsync(TeamRecord team, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="ConcurrencyConflictException"/> when the team changed since it was read.</summary>
    Task<string> ReplaceAsync(TeamRecord team, string etag, CancellationToken cancellationToken);

    /// <summary>The teams of a tenant.</summary>
    IAsyncEnumerable<TeamRecord> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every team with a nudge schedule, across tenants (for the scheduler).</summary>
    IAsyncEnumerable<TeamRecord> ListScheduledAsync(CancellationToken cancellationToken);
}
