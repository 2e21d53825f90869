using System.Diagnostics;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Course;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Tests.Cards;

/// <summary>
/// Every card the bot can send — each template in each language, and every card of every published module — checked
/// with the official Adaptive Cards SDK (npm "adaptivecards", target 1.5) through scripts/check-cards.mjs.
/// </summary>
public sealed class OfficialSdkCardTests : IDisposable
{
    /// <summary>Templates filled with module content: checked through the module preview, not empty.</summary>
    private static readonly string[] JourneyTemplates = ["course-map", "lesson-step", "lesson-end", "question", "feedback", "quiz-result", "badge", "badge-post", "team-progress", "team-progress-detail", "team-picker", "nudge", "nudge-result", "review"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectoo-cards-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task EveryCard_PassesTheOfficialSdk()
    {
        var content = ContentLoader.LoadInterface(ContentPaths.Shipped);
        var course = ContentLoader.LoadCourse(ContentPaths.Shipped);
        var renderer = new CardRenderer(content);
        var preview = new ModulePreview(course, new CourseCards(course, renderer, content));
        var count = 0;
        foreach (var language in Languages.All)
        {
            foreach (var template in content.Templates.Keys.Where(t => !t.StartsWith("parts/", StringComparison.Ordinal) && !JourneyTemplates.Contains(t)))
            {
                Write($"{language}/{template}", renderer.Render(template, language, new Dictionary<string, JsonNode?> { ["notice"] = "n", ["text"] = "t", ["offerHelp"] = true, ["readUrl"] = "https://connectoo.example.be/my-data?t=x", ["jsonUrl"] = "https://connectoo.example.be/my-data.json?t=x" }));
                count++;
            }

            foreach (var (name, card) in BadgeSamples.Cards(content, course, language).Concat(ProgressSamples.Cards(content, course, language)).Concat(NudgeSamples.Cards(content, course, language)))
            {
                Write($"{language}/{name}", card);
                count++;
            }

            foreach (var module in course.Modules)
            {
                foreach (var (name, card) in preview.Cards(module.Id, language))
                {
                    Write($"{language}/{module.Id}/{name}", card);
                    count++;
                }
            }
        }

        var (exitCode, output) = await RunNodeAsync(Path.Combine(ContentPaths.RepositoryRoot, "scripts", "check-cards.mjs"), _folder);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{count} card(s), 0 with errors", output, StringComparison.Ordinal);
    }

    private void Write(string name, JsonObject card)
    {
        var path = Path.Combine(_folder, name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, card.ToJsonString());
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string script, string folder)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
