namespace ConnectooBot.Learning.Teams;

/// <summary>Who may see a team's per-person progress and change its managers and nudges.</summary>
public static class ManagerRules
{
    /// <summary>A program administrator (by Entra object id) manages every team.</summary>
    public static bool IsProgramAdministrator(IEnumerable<string> administrators, string? userId) =>
        userId is not null && administrators.Any(id => string.Equals(id, userId, StringComparison.OrdinalIgnoreCase));

    /// <summary>A team's own managers and the program administrators; nobody else.</summary>
    public static bool CanManage(TeamRecord team, string? userId, IEnumerable<string> administrators)
    {
        ArgumentNullException.ThrowIfNull(team);
        return userId is not null && (IsProgramAdministrator(administrators, userId) || team.IsManager(userId));
    }
}
