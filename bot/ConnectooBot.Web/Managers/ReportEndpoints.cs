using System.Globalization;
using System.Text;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Web.Badges;
using ConnectooBot.Web.Content;
using ConnectooBot.Web.Teams.Managers;
using CsvHelper;

namespace ConnectooBot.Web.Teams.Progress;

/// <summary>
/// GET /reports/team-progress.csv?t=…: the per-person table of one team as CSV, for the manager the signed link was
/// made for, while it is valid and while they still manage the team. Formula-like cells are escaped (CSV injection).
/// </summary>
public static class ReportEndpoints
{
    private static readonly string[] Columns = ["name", "passed", "current", "last", "badge"];

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ReportLinks.Path, DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        if (services.GetRequiredService<ReportLinks>().Read(http.Request.Query["t"]) is not { } link)
        {
            return Results.NotFound();
        }

        var found = await services.GetRequiredService<ITeamStore>().FindAsync(link.TenantId, link.TeamId, cancellationToken);
        if (found?.Value is not { Active: true } team || !services.GetRequiredService<ManagerAccess>().CanManage(team, link.ManagerId))
        {
            return Results.NotFound();
        }

        var progress = await services.GetRequiredService<TeamReports>().BuildAsync(services.GetRequiredService<IConnectorClient>(), team, cancellationToken);
        var content = services.GetRequiredService<UiContent>();
        var course = services.GetRequiredService<Learning.Catalog.Course>();
        var language = BadgeLanguage.Choose(http.Request);
        var csv = new StringBuilder();
        await using (var writer = new StringWriter(csv, CultureInfo.InvariantCulture))
        await using (var table = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, false))
        {
            await table.WriteRecordAsync([.. Columns.Select(h => content.Text(language, "progress.detail." + h))], cancellationToken);
            foreach (var row in progress.Rows)
            {
                await table.WriteRecordAsync(
                [
                    row.Name ?? string.Empty,
                    row.ModulesPassed.ToString(CultureInfo.InvariantCulture),
                    row.CurrentModuleId is { } module && course.FindModule(module) is { } m ? m.Texts[language].Title : string.Empty,
                    row.LastActive?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                    content.Text(language, row.HasBadge ? "progress.detail.yes" : "progress.detail.no"),
                ], cancellationToken);
            }
        }

        Log.ReportDownloaded(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReportEndpoints)), progress.Rows.Count);
        http.Response.Headers.CacheControl = "no-store";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", "team-progress.csv");
    }
}
