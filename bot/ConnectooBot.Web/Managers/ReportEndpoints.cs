using System.Globalization;
using System.Text;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Turns;
using CsvHelper;

namespace ConnectooBot.Web.Managers;

/// <summary>
/// GET /reports/team-progress.csv?t=…: the per-person table of one team as CSV, for the manager the signed link was
/// made for, while it is valid and while they still manage the team. Formula-like cells are escaped (CSV injection).
/// </summary>
internal static class ReportEndpoints
{
    private static readonly string[] Columns = ["name", "passed", "current", "last", "badge"];

    internal static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ReportLinks.Path, DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        HttpContext http,
        ReportLinks links,
        ITeamStore teams,
        ManagerAccess access,
        TeamReports reports,
        IConnectorClient connector,
        UiContent content,
        Learning.Catalog.Course course,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (links.Read(http.Request.Query["t"]) is not { } link)
        {
            return Results.NotFound();
        }

        var found = await teams.FindAsync(link.TenantId, link.TeamId, cancellationToken);
        if (found?.Value is not { Active: true } team || !access.CanManage(team, link.ManagerId))
        {
            return Results.NotFound();
        }

        var progress = await reports.BuildAsync(connector, team, cancellationToken);
        var language = RequestLanguage.Choose(http.Request);
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

        Log.ReportDownloaded(loggers.CreateLogger(typeof(ReportEndpoints)), progress.Rows.Count);
        http.Response.Headers.CacheControl = "no-store";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", "team-progress.csv");
    }
}
