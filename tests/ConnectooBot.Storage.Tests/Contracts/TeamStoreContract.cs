using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Scheduling;
using ConnectooBot.Learning.Teams;

namespace ConnectooBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="ITeamStore"/> and <see cref="IScheduleClaims"/> must do; run against each backend.</summary>
public abstract class TeamStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<(ITeamStore Teams, IScheduleClaims Claims)> CreateAsync();

    private static TeamRecord NewTeam(string? tenant = null, WeeklySchedule? nudges = null) => new()
    {
        TenantId = tenant ?? Guid.NewGuid().ToString(),
        TeamId = $"19:{Guid.NewGuid():N}@thread.tacv2",
        Name = "Guichet Namur",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ChannelId = "19:general@thread.tacv2",
        Managers = [new TeamManager(Guid.NewGuid().ToString(), "29:abc", "An Peeters")],
        Nudges = nudges,
        InstalledAt = Start,
    };

    [Fact]
    public async Task Insert_ThenFind_RoundTripsManagersAndSchedule()
    {
        var (teams, _) = await CreateAsync();
        var team = NewTeam(nudges: new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(10, 0), "Europe/Brussels"));

        await teams.InsertAsync(team, CancellationToken.None);
        var found = await teams.FindAsync(team.TenantId, team.TeamId, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(team.Managers, found.Value.Managers);
        Assert.Equal(team.Nudges, found.Value.Nudges);
        Assert.Equal("Guichet Namur", found.Value.Name);
    }

    [Fact]
    public async Task Replace_WithAStaleETag_IsAConflict_AndKeepsTheWinner()
    {
        var (teams, _) = await CreateAsync();
        var team = NewTeam();
        var etag = await teams.InsertAsync(team, CancellationToken.None);
        await teams.ReplaceAsync(team with { Name = "First" }, etag, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => teams.ReplaceAsync(team with { Name = "Second" }, etag, CancellationToken.None));
        Assert.Equal("First", (await teams.FindAsync(team.TenantId, team.TeamId, CancellationToken.None))!.Value.Name);
    }

    [Fact]
    public async Task ListScheduled_ReturnsOnlyActiveTeamsWithNudges()
    {
        var (teams, _) = await CreateAsync();
        var tenant = Guid.NewGuid().ToString();
        var scheduled = NewTeam(tenant, new WeeklySchedule(DayOfWeek.Friday, new TimeOnly(9, 30), "Europe/Brussels"));
        await teams.InsertAsync(scheduled, CancellationToken.None);
        await teams.InsertAsync(NewTeam(tenant), CancellationToken.None);
        await teams.InsertAsync(NewTeam(tenant, new WeeklySchedule(DayOfWeek.Friday, new TimeOnly(9, 30), "Europe/Brussels")) with { Active = false }, CancellationToken.None);

        var listed = new List<TeamRecord>();
        await foreach (var team in teams.ListScheduledAsync(CancellationToken.None))
        {
            if (team.TenantId == tenant)
            {
                listed.Add(team);
            }
        }

        Assert.Equal(scheduled.TeamId, Assert.Single(listed).TeamId);
    }

    [Fact]
    public async Task List_ReturnsTheTenantsTeams()
    {
        var (teams, _) = await CreateAsync();
        var tenant = Guid.NewGuid().ToString();
        await teams.InsertAsync(NewTeam(tenant), CancellationToken.None);
        await teams.InsertAsync(NewTeam(tenant), CancellationToken.None);
        await teams.InsertAsync(NewTeam(), CancellationToken.None);

        var count = 0;
        await foreach (var team in teams.ListAsync(tenant, CancellationToken.None))
        {
            Assert.Equal(tenant, team.TenantId);
            count++;
        }

        Assert.Equal(2, count);
    }

    [Fact]
    public async Task TryClaim_ManyRacers_ExactlyOneWins_AndLaterClaimsLose()
    {
        var (_, claims) = await CreateAsync();
        var scope = "nudge:" + Guid.NewGuid().ToString("N");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => claims.TryClaimAsync(scope, "2026-11-23", Start, CancellationToken.None)));
        var later = await claims.TryClaimAsync(scope, "2026-11-23", Start.AddDays(1), CancellationToken.None);
        var nextWeek = await claims.TryClaimAsync(scope, "2026-11-30", Start, CancellationToken.None);

        Assert.Equal(1, results.Count(r => r));
        Assert.False(later);
        Assert.True(nextWeek);
    }
}
