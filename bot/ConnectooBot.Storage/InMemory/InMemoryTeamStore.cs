using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Teams;

namespace ConnectooBot.Storage.InMemory;

/// <summary>Teams in memory with the same ETag rules as the table store. For fast tests and local experiments only.</summary>
public sealed class InMemoryTeamStore : ITeamStore
{
    private readonly ConcurrentDictionary<(string Tenant, string Team), Versioned<TeamRecord>> _teams = new();

    public Task<Versioned<TeamRecord>?> FindAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        Task.FromResult(_teams.TryGetValue((tenantId, teamId), out var stored) ? stored : null);

    public Task<string> InsertAsync(TeamRecord team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var stored = new Versioned<TeamRecord>(team, NewETag());
        return _teams.TryAdd((team.TenantId, team.TeamId), stored)
            ? Task.FromResult(stored.ETag)
            : Task.FromException<string>(new ConcurrencyConflictException("The team already exists."));
    }

    public Task<string> ReplaceAsync(TeamRecord team, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var key = (team.TenantId, team.TeamId);
        var stored = new Versioned<TeamRecord>(team, NewETag());
        return _teams.TryGetValue(key, out var current) && current.ETag == etag && _teams.TryUpdate(key, stored, current)
            ? Task.FromResult(stored.ETag)
            : Task.FromException<string>(new ConcurrencyConflictException("The team changed since it was read."));
    }

    public async IAsyncEnumerable<TeamRecord> ListAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var stored in _teams.Values.Where(t => t.Value.TenantId == tenantId).OrderBy(t => t.Value.TeamId, StringComparer.Ordinal))
        {
            yield return stored.Value;
        }
    }

    public async IAsyncEnumerable<TeamRecord> ListScheduledAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var stored in _teams.Values.Where(t => t.Value.Active && t.Value.Nudges is not null))
        {
            yield return stored.Value;
        }
    }

    private static string NewETag() => $"W/\"{Guid.NewGuid():N}\"";
}
