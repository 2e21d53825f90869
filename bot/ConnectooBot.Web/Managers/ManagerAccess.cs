using ConnectooBot.Learning.Teams;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Managers;

/// <summary><see cref="ManagerRules"/> with the configured program administrators (<c>Managers:ProgramAdministrators</c>).</summary>
public sealed class ManagerAccess(IOptions<ManagerOptions> options)
{
    public bool IsProgramAdministrator(string? userId) => ManagerRules.IsProgramAdministrator(options.Value.ProgramAdministrators, userId);

    public bool CanManage(TeamRecord team, string? userId) => ManagerRules.CanManage(team, userId, options.Value.ProgramAdministrators);
}
