namespace ConnectooBot.Web.Insights;

/// <summary>What one rollup of one tenant did: counts and a duration, nothing about a person.</summary>
/// <param name="Learners">Learner rows read (and counted) for the tenant.</param>
/// <param name="Teams">Active teams whose roster was read.</param>
/// <param name="TeamsWithoutRoster">Active teams whose roster could not be read, or beyond <see cref="InsightsOptions.MaxTeams"/>.</param>
public sealed record RollupRun(string TenantId, int Learners, int Teams, int TeamsWithoutRoster, TimeSpan Took);
