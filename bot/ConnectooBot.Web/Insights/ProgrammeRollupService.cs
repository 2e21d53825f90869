using System.Collections.Concurrent;
using System.Diagnostics;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Insights;

/// <summary>
/// Builds and saves the programme snapshots (<see cref="ProgrammeRollup"/>): the learners in one paged scan (all
/// tenants, or one), each tenant's active teams from <see cref="ITeamStore"/> (at most <see cref="InsightsOptions.MaxTeams"/>)
/// and their rosters through the connector, a few at a time. A roster that cannot be read leaves that team out of the
/// team split (counted in <see cref="ProgrammeInsights.TeamsWithoutRoster"/>), never the whole snapshot. The dashboard
/// only reads the saved snapshot: one storage request per view, whatever the number of learners.
/// </summary>
public sealed class ProgrammeRollupService(
    Learning.Catalog.Course course,
    ILearnerStore learners,
    ITeamStore teams,
    IInsightsStore insights,
    IConnectorClient connector,
    IOptions<InsightsOptions> options,
    TimeProvider time,
    ILogger<ProgrammeRollupService> logger)
{
    /// <summary>Rebuilds every tenant's snapshot from one scan of every learner row.</summary>
    public async Task<IReadOnlyList<RollupRun>> RunAllAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var tenants = new Dictionary<string, TenantRollup>(StringComparer.Ordinal);
        var read = 0;
        await foreach (var learner in learners.ListAllAsync(cancellationToken))
        {
            read++;
            var tenantId = learner.Key.TenantId;
            if (!tenants.TryGetValue(tenantId, out var tenant))
            {
                tenants[tenantId] = tenant = await StartAsync(tenantId, now, cancellationToken);
            }

            tenant.Add(learner);
        }

        var runs = new List<RollupRun>(tenants.Count);
        foreach (var tenant in tenants.Values)
        {
            runs.Add(await tenant.SaveAsync(insights, cancellationToken));
        }

        Log.RollupCompleted(logger, runs.Count, read, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return runs;
    }

    /// <summary>Rebuilds one tenant's snapshot now (one paged query of its learners).</summary>
    public async Task<RollupRun> RunAsync(string tenantId, CancellationToken cancellationToken)
    {
        var tenant = await StartAsync(tenantId, time.GetUtcNow(), cancellationToken);
        await foreach (var learner in learners.ListAsync(tenantId, cancellationToken))
        {
            tenant.Add(learner);
        }

        return await tenant.SaveAsync(insights, cancellationToken);
    }

    private async Task<TenantRollup> StartAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var active = new List<TeamRecord>();
        await foreach (var team in teams.ListAsync(tenantId, cancellationToken))
        {
            if (team.Active)
            {
                active.Add(team);
            }
        }

        var read = active.OrderBy(t => t.InstalledAt).Take(options.Value.MaxTeams).ToList();
        var rosters = new ConcurrentBag<(int Order, TeamRoster Roster)>();
        await Parallel.ForEachAsync(
            read.Select((team, order) => (team, order)),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.RosterParallelism, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                if (await RosterAsync(entry.team, ct) is { } roster)
                {
                    rosters.Add((entry.order, roster));
                }
            });
        var ordered = rosters.OrderBy(r => r.Order).Select(r => r.Roster).ToList();
        var rollup = new ProgrammeRollup(course, tenantId, ordered, now) { TeamsWithoutRoster = active.Count - ordered.Count };
        return new TenantRollup(tenantId, rollup, ordered.Count, active.Count - ordered.Count, started, logger);
    }

    private async Task<TeamRoster?> RosterAsync(TeamRecord team, CancellationToken cancellationToken)
    {
        try
        {
            var members = new List<string>();
            await foreach (var member in connector.GetAllMembersAsync(team.ServiceUrl, team.TeamId, cancellationToken))
            {
                if (member.EntraObjectId is { } id)
                {
                    members.Add(id);
                }
            }

            return new TeamRoster(team.TeamId, team.Name ?? string.Empty, members);
        }
        catch (ConnectorException e)
        {
            Log.RosterUnavailable(logger, e.Failure);
            return null;
        }
    }

    private sealed class TenantRollup(string tenantId, ProgrammeRollup rollup, int teams, int teamsWithoutRoster, long started, ILogger logger)
    {
        private int _learners;

        public void Add(Learning.Learners.Learner learner)
        {
            _learners++;
            rollup.Add(learner);
        }

        public async Task<RollupRun> SaveAsync(IInsightsStore store, CancellationToken cancellationToken)
        {
            await store.SaveAsync(rollup.Build(), cancellationToken);
            var took = Stopwatch.GetElapsedTime(started);
            Log.SnapshotSaved(logger, _learners, teams, teamsWithoutRoster, (long)took.TotalMilliseconds);
            return new RollupRun(tenantId, _learners, teams, teamsWithoutRoster, took);
        }
    }
}
