using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Managers;

/// <summary>Short-lived signed links to a team's per-person CSV, made for one manager (see <see cref="SignedTokens"/>).</summary>
internal sealed class ReportLinks(SignedTokens tokens, IPublicAddress address)
{
    public const string Path = "/reports/team-progress.csv";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private const string Purpose = "team-progress";

    /// <param name="language">The manager's language: the CSV's column headers and module titles (<c>lang</c>, read by <see cref="RequestLanguage"/>).</param>
    public string Create(string tenantId, string teamId, string managerId, string language) =>
        $"{address.BaseUrl}{Path}?t={tokens.Create(Purpose, Lifetime, tenantId, teamId, managerId)}&lang={Uri.EscapeDataString(language)}";

    /// <summary>The link's tenant, team and manager when it is genuine and still valid; otherwise null.</summary>
    public (string TenantId, string TeamId, string ManagerId)? Read(string? token) =>
        tokens.Read(Purpose, token) is [var tenant, var team, var manager] ? (tenant, team, manager) : null;
}
