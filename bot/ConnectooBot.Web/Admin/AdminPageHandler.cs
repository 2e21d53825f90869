using ConnectooBot.Learning.Ports;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// Serves a dashboard page from one storage read: the signed-in tenant's programme snapshot (the page never reads a
/// learner row). Without a snapshot it says so.
/// </summary>
internal sealed class AdminPageHandler(
    IInsightsStore store,
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

    private async Task<IResult> ServeAsync(
        HttpContext http,
        string titleKey,
        Func<Learning.Insights.ProgrammeInsights, AdminPageFrame, string> render,
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

        var frame = AdminPageFrame.For(http.Request, language, texts[language, titleKey], signedIn: true);
        return Results.Content(render(insights, frame), Html);
    }
}
