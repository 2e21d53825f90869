using System.Text;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// Serves a dashboard page from one storage read: the signed-in tenant's programme snapshot (the page never reads a
/// learner row). Without a snapshot it says so.
/// </summary>
internal sealed class AdminPageHandler(
    IInsightsStore store,
    IEnumerable<Learning.Catalog.Course> courses,
    ProgrammePage programme,
    ItemsPage items,
    AdminMessagePages messages,
    AdminTexts texts,
    ILogger<AdminPageHandler> logger)
{
    private const string Html = "text/html; charset=utf-8";

    public Task<IResult> ProgrammeAsync(HttpContext http, CancellationToken cancellationToken) =>
        ServeAsync(http, "admin.programme.heading", (insights, frame) => programme.Render(insights, frame), cancellationToken);

    public Task<IResult> ItemsAsync(HttpContext http, CancellationToken cancellationToken) =>
        ServeAsync(http, "admin.items.heading", (insights, frame) => items.Render(insights, http.Request.Query["module"].ToString(), frame), cancellationToken);

    /// <summary>
    /// <c>/admin/items/{moduleId}.csv</c>: the module's item analysis for its authors (ItemAnalysisCsv: withheld rows say
    /// "withheld", never a number), UTF-8 with a byte order mark so spreadsheets read the accents. 404 for a module
    /// neither the course nor the snapshot knows; 404 too when there is no snapshot yet.
    /// </summary>
    public async Task<IResult> ItemCsvAsync(HttpContext http, string moduleId, CancellationToken cancellationToken)
    {
        var tenant = AdminUser.TenantId(http.User) ?? throw new InvalidOperationException("The admin policy admits only people with a tenant id.");
        var insights = await store.FindAsync(tenant, cancellationToken);
        var course = courses.LastOrDefault();
        AdminHtml.SecureHeaders(http.Response);
        if (insights is null || course is null || insights.Totals.Learners < ProgrammeInsights.MinimumGroup
            || (course.FindModule(moduleId) is null && insights.Items.All(i => i.ModuleId != moduleId)))
        {
            return Results.NotFound();
        }

        var csv = ItemAnalysisCsv.Write(insights, course, moduleId);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"item-analysis-{moduleId}.csv");
    }

    private async Task<IResult> ServeAsync(
        HttpContext http,
        string titleKey,
        Func<ProgrammeInsights, AdminPageFrame, string> render,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Choose(http.Request);
        var tenant = AdminUser.TenantId(http.User) ?? throw new InvalidOperationException("The admin policy admits only people with a tenant id.");
        var insights = await store.FindAsync(tenant, cancellationToken);
        AdminHtml.SecureHeaders(http.Response);
        if (insights is null)
        {
            Log.NoSnapshot(logger, tenant);
            var empty = AdminPageFrame.For(http.Request, language, texts[language, "admin.nosnapshot.heading"], signedIn: true);
            return Results.Content(messages.NoSnapshot(empty), Html);
        }

        if (insights.Totals.Learners < ProgrammeInsights.MinimumGroup)
        {
            // The whole programme is a group too: with fewer than 5 learners, every count would describe one of a few people.
            var few = AdminPageFrame.For(http.Request, language, texts[language, "admin.toofew.heading"], signedIn: true);
            return Results.Content(messages.TooFewLearners(few), Html);
        }

        var frame = AdminPageFrame.For(http.Request, language, texts[language, titleKey], signedIn: true);
        return Results.Content(render(insights, frame), Html);
    }
}
