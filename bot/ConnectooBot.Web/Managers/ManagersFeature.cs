using ConnectooBot.Web.Turns;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Managers;

/// <summary>
/// Managers and progress: the team record (the installer is its first manager), "managers add/remove @name",
/// "progress" (the team aggregate in the channel, the per-person table privately, the CSV link), and the team
/// introduction on install. <see cref="TeamRegistry"/>, <see cref="ManagerAccess"/> and <see cref="TeamReports"/>
/// are this feature's public surface for the nudges.
/// </summary>
public static class ManagersFeature
{
    public static IServiceCollection AddManagersAndProgress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ManagerOptions>().Bind(configuration.GetSection(ManagerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ManagerOptions>, ManagerOptionsValidator>();
        services.AddSingleton<ManagerAccess>();
        services.AddSingleton<TeamRegistry>();
        services.AddSingleton<ITeamInstallationListener, TeamInstallation>();
        services.AddSingleton<ManagersFlow>();
        services.AddSingleton<TeamReports>();
        services.AddSingleton<ProgressCards>();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<ProgressFlow>();
        return services.AddBotRoutes<ManagerRoutes>();
    }

    /// <summary><c>GET /reports/team-progress.csv?t=…</c>, the per-person table behind a manager's signed link.</summary>
    public static IEndpointRouteBuilder MapManagersAndProgress(this IEndpointRouteBuilder endpoints) => endpoints.MapReportEndpoints();

    private sealed class ManagerRoutes(ProgressFlow progress, ManagersFlow managers) : IBotRoutes
    {
        public void Register(BotRouteBuilder routes) => routes
            .Command("progress", (turn, _, ct) => progress.OnCommandAsync(turn, ct))
            .Command("managers", (turn, _, ct) => managers.ListAsync(turn, ct))
            .Command("managers-add", (turn, _, ct) => managers.AddAsync(turn, ct))
            .Command("managers-remove", (turn, _, ct) => managers.RemoveAsync(turn, ct))
            .CardAction("progress.team", progress.OnTeamPickedAsync);
    }
}
