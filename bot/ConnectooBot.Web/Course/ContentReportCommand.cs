using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Course;

/// <summary>
/// <c>dotnet ConnectooBot.Web.dll content-report</c>: the authors' report of the content the app would serve (per
/// module and language: steps, words, bold spans, questions, scenario share, longest-correct share, blind-pass
/// probability, sources not checked for a year), as Markdown on standard output.
/// </summary>
public static class ContentReportCommand
{
    public static int? TryRun(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.FirstOrDefault() != "content-report")
        {
            return null;
        }

        var course = app.Services.GetRequiredService<Learning.Catalog.Course>();
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        Console.Out.Write(ContentReport.Markdown(course, today));
        return 0;
    }
}
