using ConnectooBot.Learning.Teams;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Teams.Managers;

/// <summary>Who may see a team's per-person progress and change its managers and nudges.</summary>
internal sealed class ManagerAccess(IOptions<ManagerOptions> options)
{
    public bool IsProgramAdministrator(string? userId) =>
        userId is not null && options.Value.ProgramAdministrators.Any(id => string.Equals(id, userId, StringComparison.OrdinalIgnoreCase));

    public bool CanManage(TeamRecord team, string? userId) =>
        userId is not null && (IsProgramAdministrator(userId) || team.IsManager(userId));
}
