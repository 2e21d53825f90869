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

    [Fact]
    public async Task TryLease_ManyRacers_OneIsGranted_TheOthersSeeItBusyUntilItsEnd()
    {
        var (_, claims) = await CreateAsync();
        var scope = "nudge/" + Guid.NewGuid().ToString("N");
        var until = Start.AddMinutes(5);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => claims.TryLeaseAsync(scope, "2026-11-23", $"instance-{i}", Start, until, CancellationToken.None)));

        var granted = Assert.Single(results.OfType<ScheduleLeaseResult.Granted>());
        Assert.False(granted.TakenOver);
        Assert.Equal((scope, "2026-11-23", until), (granted.Lease.Scope, granted.Lease.Key, granted.Lease.Until));
        Assert.All(results.OfType<ScheduleLeaseResult.Busy>(), busy => Assert.Equal((granted.Lease.Owner, until), (busy.Owner, busy.Until)));
        Assert.Equal(15, results.OfType<ScheduleLeaseResult.Busy>().Count());
    }

    [Fact]
    public async Task TryLease_OnceCompleted_IsDoneForEveryone_EvenAfterTheLeaseWouldHaveEnded()
    {
        var (_, claims) = await CreateAsync();
        var scope = "nudge/" + Guid.NewGuid().ToString("N");
        var lease = Assert.IsType<ScheduleLeaseResult.Granted>(await claims.TryLeaseAsync(scope, "2026-11-23", "a", Start, Start.AddMinutes(5), CancellationToken.None)).Lease;

        var completed = await claims.CompleteAsync(lease, Start.AddSeconds(3), CancellationToken.None);
        var later = await claims.TryLeaseAsync(scope, "2026-11-23", "b", Start.AddHours(1), Start.AddHours(1).AddMinutes(5), CancellationToken.None);
        var nextWeek = await claims.TryLeaseAsync(scope, "2026-11-30", "b", Start.AddDays(7), Start.AddDays(7).AddMinutes(5), CancellationToken.None);

        Assert.True(completed);
        Assert.IsType<ScheduleLeaseResult.Done>(later);
        Assert.IsType<ScheduleLeaseResult.Granted>(nextWeek);
    }

    [Fact]
    public async Task TryLease_AfterAHolderDiedWithoutCompleting_OneRacerTakesItOver_AndTheDeadHolderCannotComplete()
    {
        var (_, claims) = await CreateAsync();
        var scope = "nudge/" + Guid.NewGuid().ToString("N");
        var dead = Assert.IsType<ScheduleLeaseResult.Granted>(await claims.TryLeaseAsync(scope, "2026-11-23", "dead", Start, Start.AddMinutes(5), CancellationToken.None)).Lease;
        var stillLive = await claims.TryLeaseAsync(scope, "2026-11-23", "b", Start.AddMinutes(4), Start.AddMinutes(9), CancellationToken.None);
        var afterIt = Start.AddMinutes(6);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => claims.TryLeaseAsync(scope, "2026-11-23", $"survivor-{i}", afterIt, afterIt.AddMinutes(5), CancellationToken.None)));

        Assert.IsType<ScheduleLeaseResult.Busy>(stillLive);
        var takeover = Assert.Single(results.OfType<ScheduleLeaseResult.Granted>());
        Assert.True(takeover.TakenOver);
        Assert.Equal(7, results.OfType<ScheduleLeaseResult.Busy>().Count());
        Assert.False(await claims.CompleteAsync(dead, afterIt, CancellationToken.None)); // it came back to life too late
        Assert.True(await claims.CompleteAsync(takeover.Lease, afterIt.AddSeconds(2), CancellationToken.None));
        Assert.IsType<ScheduleLeaseResult.Done>(await claims.TryLeaseAsync(scope, "2026-11-23", "c", Start.AddHours(2), Start.AddHours(3), CancellationToken.None));
    }

    [Fact]
    public async Task TryLease_OverAnInsertOnlyClaim_IsDone_AndTryClaim_OverALease_Loses()
    {
        var (_, claims) = await CreateAsync();
        var scope = "nudge/" + Guid.NewGuid().ToString("N");
        await claims.TryClaimAsync(scope, "2026-11-23", Start, CancellationToken.None);
        await claims.TryLeaseAsync(scope, "2026-11-30", "a", Start, Start.AddMinutes(5), CancellationToken.None);

        Assert.IsType<ScheduleLeaseResult.Done>(await claims.TryLeaseAsync(scope, "2026-11-23", "b", Start, Start.AddMinutes(5), CancellationToken.None));
        Assert.False(await claims.TryClaimAsync(scope, "2026-11-30", Start, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteScope_ForgetsLeases_SoTheWorkCanBeLeasedAgain()
    {
        var (_, claims) = await CreateAsync();
        var scope = "personal/" + Guid.NewGuid().ToString("N");
        var lease = Assert.IsType<ScheduleLeaseResult.Granted>(await claims.TryLeaseAsync(scope, "k", "a", Start, Start.AddMinutes(5), CancellationToken.None)).Lease;
        await claims.CompleteAsync(lease, Start, CancellationToken.None);

        await claims.DeleteScopeAsync(scope, CancellationToken.None);

        Assert.IsType<ScheduleLeaseResult.Granted>(await claims.TryLeaseAsync(scope, "k", "b", Start, Start.AddMinutes(5), CancellationToken.None));
    }
}
