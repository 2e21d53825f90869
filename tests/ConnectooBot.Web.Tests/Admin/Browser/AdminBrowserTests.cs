using System.Diagnostics;
using System.Globalization;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Insights;
using ConnectooBot.Web.Insights;
using ConnectooBot.Web.Tests.BotHosting;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ConnectooBot.Web.Tests.Admin.Browser;

/// <summary>
/// The dashboard in a real browser: the host on Kestrel at 127.0.0.1 with Azurite storage holding the 2,000-learner,
/// six-team seed and the snapshot the host's own rollup built from it; headless chromium signs in through the development sign-in, opens
/// /admin and /admin/items in French and English, reads the figures as shown and holds them against the seed's own
/// counts, and runs axe-core (no serious or critical violation). With <c>CONNECTOO_ADMIN_SCREENSHOTS</c> set to a
/// folder, it also saves the screenshots of docs/screenshots/admin/.
/// </summary>
public sealed class AdminBrowserTests(ITestOutputHelper output)
{
    private const string Tenant = "5eed0017-0000-4000-8000-000000000017";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public async Task Dashboard_InChromium_ShowsTheSeedsFigures_AndPassesAxe()
    {
        var clock = Stopwatch.StartNew();
        await using var bot = await BotHost.StartAsync(azurite: true, kestrel: true, time: new FakeTimeProvider(Now));
        var course = bot.Services.GetRequiredService<Learning.Catalog.Course>();
        var seed = ProgrammeSeed.Generate(course, Now, tenantId: Tenant);
        await seed.WriteAsync(bot.Services.GetRequiredService<ILearnerStore>(), bot.Services.GetRequiredService<ITeamStore>(), bot.Connector);
        // The host's own rollup: one paged query of the tenant's learners in Azurite, the rosters through the connector.
        var run = await bot.Services.GetRequiredService<ProgrammeRollupService>().RunAsync(Tenant, CancellationToken.None);
        Assert.Equal(ProgrammeSeed.DefaultLearners, run.Learners);
        var seeded = clock.Elapsed;
        var address = bot.Client.BaseAddress ?? throw new InvalidOperationException("The Kestrel host has no address.");
        Assert.Equal("127.0.0.1", address.Host);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ColorScheme = ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text + " " + message.Location);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        var started = clock.Elapsed;
        await SignInAsync(page);
        var shots = Environment.GetEnvironmentVariable("CONNECTOO_ADMIN_SCREENSHOTS");
        foreach (var language in new[] { "fr", "en" })
        {
            await OpenAsync(page, $"/admin?lang={language}");
            await CheckProgrammeAsync(page, seed.Expected, language);
            await CheckAxeAsync(page, $"/admin?lang={language}");
            await ShootAsync(page, shots, $"programme-{language}.png");

            await OpenAsync(page, $"/admin/items?lang={language}");
            await CheckItemsAsync(page, seed.Expected, language);
            await CheckAxeAsync(page, $"/admin/items?lang={language}");
            await ShootAsync(page, shots, $"items-{language}.png");
        }

        if (shots is not null)
        {
            await page.SetViewportSizeAsync(400, 800);
            await OpenAsync(page, "/admin?lang=fr");
            await ShootAsync(page, shots, "programme-fr-400px.png");
        }

        Assert.Empty(errors);
        output.WriteLine($"host, seed (2,000 learners and 6 teams written to Azurite) and rollup ({run.Took.TotalMilliseconds:0} ms) {seeded.TotalSeconds:0.0} s; browser started {(started - seeded).TotalSeconds:0.0} s; pages, checks and axe {(clock.Elapsed - started).TotalSeconds:0.0} s; whole test {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/admin?lang=fr");
        Assert.Contains("/admin/dev-sign-in", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Identifiant du tenant").FillAsync(Tenant);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec le rôle Connectoo.Admin" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
    }

    /// <summary>Opens a page and waits until Chart.js has drawn every canvas on it.</summary>
    private static async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        await page.WaitForFunctionAsync(
            "() => typeof Chart !== 'undefined' && document.querySelectorAll('canvas').length === Object.keys(Chart.instances).length");
    }

    private static async Task CheckProgrammeAsync(IPage page, SeedExpectation expected, string language)
    {
        var shown = await ShownAsync(page);
        Assert.Equal(language, shown.Language);
        Assert.Equal(Number(expected.Learners, language), shown.Figures["learners"]);
        Assert.Equal(Number(expected.Started, language), shown.Figures["started"]);
        Assert.Equal(Number(expected.ActiveLast30Days, language), shown.Figures["active"]);
        Assert.Equal(Number(expected.Completed, language), shown.Figures["completed"]);
        var durations = expected.CompletionDurations;
        Assert.Equal(Days(Percentile.Median(durations), language), shown.Figures["time-median"]);
        Assert.Equal(Days(Percentile.NearestRank(durations, 0.9), language), shown.Figures["time-p90"]);

        var funnel = shown.Tables["chart-funnel"];
        var rates = shown.Tables["chart-first-pass"];
        Assert.Equal(expected.Modules.Count, funnel.Count);
        for (var i = 0; i < expected.Modules.Count; i++)
        {
            var module = expected.Modules[i];
            Assert.Equal([Number(module.Opened, language), Number(module.LessonCompleted, language), Number(module.Passed, language)], funnel[i][1..]);
            Assert.Equal([Percent(module.FirstAttemptPassRate, language), Fixed(module.AttemptsPerPass, language)], rates[i][1..]);
        }

        var languages = shown.Tables["chart-language"];
        foreach (var (code, group) in expected.ByLanguage)
        {
            var row = Assert.Single(languages, r => r[0] == Name(code, language));
            Assert.Equal([Number(group.Learners, language), Number(group.Started, language), Number(group.Completed, language), Percent(group.FirstAttemptPassRate, language)], row[1..]);
        }

        var teams = shown.Tables["chart-team"];
        Assert.Equal(expected.ByTeam.Count, teams.Count);
        foreach (var (name, group) in expected.ByTeam)
        {
            var row = Assert.Single(teams, r => r[0] == name);
            Assert.Equal(
                group.Withheld ? [Withheld(language)] : [Number(group.Learners, language), Number(group.Started, language), Number(group.Completed, language), Percent(group.FirstAttemptPassRate, language)],
                row[1..]);
        }

        Assert.Contains(expected.ByTeam, t => t.Value.Withheld);
    }

    private static async Task CheckItemsAsync(IPage page, SeedExpectation expected, string language)
    {
        var rows = (await ShownAsync(page)).Tables["items"];
        foreach (var designed in expected.DesignedFlags)
        {
            foreach (var itemLanguage in new[] { "fr", "nl" })
            {
                var item = expected.Items[(designed.ModuleId, designed.QuestionId, itemLanguage)];
                // Row: question (id, then its text), language, first answers, difficulty, discrimination, choices, review, flags.
                var row = Assert.Single(rows, r => r[0].StartsWith(designed.QuestionId, StringComparison.Ordinal) && r[1] == Name(itemLanguage, language));
                Assert.Equal(Number(item.Responses, language), row[2]);
                Assert.Equal(Percent(item.Difficulty, language), row[3]);
                Assert.Contains(FlagWords(designed.Flag, language), row[7], StringComparison.Ordinal);
            }
        }
    }

    /// <summary>What the page shows, read in one round trip: the headline figures and every table's rows as text.</summary>
    private static async Task<Shown> ShownAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify({
              language: document.documentElement.lang,
              figures: Object.fromEntries([...document.querySelectorAll('[data-figure]')].map(e => [e.dataset.figure, e.textContent.trim()])),
              tables: Object.fromEntries([...document.querySelectorAll('table')].map(t => [
                t.classList.contains('items') ? 'items' : t.closest('figure').querySelector('canvas').id,
                [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent.trim()))]))
            })
            """);
        return System.Text.Json.JsonSerializer.Deserialize<Shown>(json, WebJson)!;
    }

    private sealed record Shown(string Language, Dictionary<string, string> Figures, Dictionary<string, List<string[]>> Tables);

    private async Task CheckAxeAsync(IPage page, string path)
    {
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var timer = Stopwatch.StartNew();
        var result = await page.RunAxe();
        var byImpact = result.Violations.GroupBy(v => v.Impact ?? "none").ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"axe-core {path}: {result.Violations.Length} violations (critical {Count(byImpact, "critical")}, serious {Count(byImpact, "serious")}, moderate {Count(byImpact, "moderate")}, minor {Count(byImpact, "minor")}), {result.Passes.Length} rules passed ({timer.Elapsed.TotalSeconds:0.0} s)");
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"  {violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes) {violation.Nodes.FirstOrDefault()?.Html}");
        }

        Assert.DoesNotContain(result.Violations, v => v.Impact is "serious" or "critical");
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = false)");
    }

    private static async Task ShootAsync(IPage page, string? folder, string name)
    {
        if (folder is null)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    private static int Count(Dictionary<string, int> byImpact, string impact) => byImpact.GetValueOrDefault(impact);

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "fr" ? "fr-BE" : "en-GB");

    private static string Number(int value, string language) => value.ToString("N0", Culture(language));

    private static string Percent(double value, string language) => value.ToString("P0", Culture(language)).Replace(' ', '\u00a0');

    private static string Fixed(double value, string language) => value.ToString("N2", Culture(language));

    private static string Days(TimeSpan value, string language) =>
        value.TotalDays.ToString("N1", Culture(language)) + (language == "fr" ? " jours" : " days");

    private static string Name(string code, string language) => (code, language) switch
    {
        ("fr", "fr") => "Français",
        ("nl", "fr") => "Néerlandais",
        ("de", "fr") => "Allemand",
        ("en", "fr") => "Anglais",
        ("fr", _) => "French",
        ("nl", _) => "Dutch",
        ("de", _) => "German",
        _ => "English",
    };

    private static string Withheld(string language) => language == "fr" ? "non affiché (moins de 5 apprenants)" : "withheld (fewer than 5 learners)";

    private static string FlagWords(ItemFlags flag, string language) => (flag, language) switch
    {
        (ItemFlags.TooEasy, "fr") => "trop facile",
        (ItemFlags.TooHard, "fr") => "trop difficile",
        (ItemFlags.NonDiscriminating, "fr") => "non discriminante",
        (ItemFlags.DistractorBeatsKey, "fr") => "un distracteur l'emporte",
        (ItemFlags.TooEasy, _) => "too easy",
        (ItemFlags.TooHard, _) => "too hard",
        (ItemFlags.NonDiscriminating, _) => "not discriminating",
        _ => "distractor beats the key",
    };
}
