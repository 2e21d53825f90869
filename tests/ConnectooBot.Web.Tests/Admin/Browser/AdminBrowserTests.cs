using System.Diagnostics;
using System.Globalization;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Insights;
using ConnectooBot.Web.Tests.BotHosting;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ConnectooBot.Web.Tests.Admin.Browser;

/// <summary>
/// The dashboard in a real browser: the host on Kestrel at 127.0.0.1 with Azurite storage holding the 2,000-learner,
/// six-team seed and its programme snapshot; headless chromium signs in through the development sign-in, opens
/// /admin and /admin/items in French and English, reads the figures as shown and holds them against the seed's own
/// counts, and runs axe-core (no serious or critical violation). With <c>CONNECTOO_ADMIN_SCREENSHOTS</c> set to a
/// folder, it also saves the screenshots of docs/screenshots/admin/.
/// </summary>
public sealed class AdminBrowserTests(ITestOutputHelper output)
{
    private const string Tenant = "5eed0017-0000-4000-8000-000000000017";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Dashboard_InChromium_ShowsTheSeedsFigures_AndPassesAxe()
    {
        var clock = Stopwatch.StartNew();
        await using var bot = await BotHost.StartAsync(azurite: true, kestrel: true);
        var course = bot.Services.GetRequiredService<Learning.Catalog.Course>();
        var seed = ProgrammeSeed.Generate(course, Now, tenantId: Tenant);
        await seed.WriteAsync(bot.Services.GetRequiredService<ILearnerStore>(), bot.Services.GetRequiredService<ITeamStore>());
        var snapshot = ProgrammeRollup.Compute(course, Tenant, seed.Learners, seed.Rosters, Now);
        await bot.Services.GetRequiredService<IInsightsStore>().SaveAsync(snapshot, CancellationToken.None);
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
        output.WriteLine($"host and seed (2,000 learners and 6 teams written to Azurite, snapshot saved) {seeded.TotalSeconds:0.0} s; browser started {(started - seeded).TotalSeconds:0.0} s; pages, checks and axe {(clock.Elapsed - started).TotalSeconds:0.0} s; whole test {clock.Elapsed.TotalSeconds:0.0} s");
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
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(Number(expected.Learners, language), await Figure(page, "learners"));
        Assert.Equal(Number(expected.Started, language), await Figure(page, "started"));
        Assert.Equal(Number(expected.ActiveLast30Days, language), await Figure(page, "active"));
        Assert.Equal(Number(expected.Completed, language), await Figure(page, "completed"));
        var durations = expected.CompletionDurations;
        Assert.Equal(Days(Percentile.Median(durations), language), await Figure(page, "time-median"));
        Assert.Equal(Days(Percentile.NearestRank(durations, 0.9), language), await Figure(page, "time-p90"));

        var funnel = page.Locator("figure:has(#chart-funnel) tbody tr");
        var rates = page.Locator("figure:has(#chart-first-pass) tbody tr");
        Assert.Equal(expected.Modules.Count, await funnel.CountAsync());
        for (var i = 0; i < expected.Modules.Count; i++)
        {
            var module = expected.Modules[i];
            Assert.Equal([Number(module.Opened, language), Number(module.LessonCompleted, language), Number(module.Passed, language)], await Cells(funnel.Nth(i)));
            Assert.Equal([Percent(module.FirstAttemptPassRate, language), Fixed(module.AttemptsPerPass, language)], await Cells(rates.Nth(i)));
        }

        var languages = page.Locator("figure:has(#chart-language) tbody tr");
        foreach (var (code, group) in expected.ByLanguage)
        {
            var row = languages.Filter(new() { Has = page.Locator("th", new() { HasTextString = Name(code, language) }) });
            Assert.Equal([Number(group.Learners, language), Number(group.Started, language), Number(group.Completed, language), Percent(group.FirstAttemptPassRate, language)], await Cells(row));
        }

        var teams = page.Locator("figure:has(#chart-team) tbody tr");
        Assert.Equal(expected.ByTeam.Count, await teams.CountAsync());
        foreach (var (name, group) in expected.ByTeam)
        {
            var row = teams.Filter(new() { Has = page.Locator("th", new() { HasTextString = name }) });
            Assert.Equal(
                group.Withheld ? [Withheld(language)] : [Number(group.Learners, language), Number(group.Started, language), Number(group.Completed, language), Percent(group.FirstAttemptPassRate, language)],
                await Cells(row));
        }

        Assert.Contains(expected.ByTeam, t => t.Value.Withheld);
    }

    private static async Task CheckItemsAsync(IPage page, SeedExpectation expected, string language)
    {
        var rows = page.Locator("table.items tbody tr");
        foreach (var designed in expected.DesignedFlags)
        {
            foreach (var itemLanguage in new[] { "fr", "nl" })
            {
                var item = expected.Items[(designed.ModuleId, designed.QuestionId, itemLanguage)];
                var row = rows.Filter(new() { Has = page.Locator("th .qid", new() { HasTextString = designed.QuestionId }) })
                    .Filter(new() { Has = page.Locator("td", new() { HasTextString = Name(itemLanguage, language) }) });
                var cells = await Cells(row);
                Assert.Equal(Number(item.Responses, language), cells[1]);
                Assert.Equal(Percent(item.Difficulty, language), cells[2]);
                Assert.Contains(FlagWords(designed.Flag, language), cells[6], StringComparison.Ordinal);
            }
        }
    }

    private async Task CheckAxeAsync(IPage page, string path)
    {
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var result = await page.RunAxe();
        var byImpact = result.Violations.GroupBy(v => v.Impact ?? "none").ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"axe-core {path}: {result.Violations.Length} violations (critical {Count(byImpact, "critical")}, serious {Count(byImpact, "serious")}, moderate {Count(byImpact, "moderate")}, minor {Count(byImpact, "minor")}), {result.Passes.Length} rules passed");
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

    private static async Task<string> Figure(IPage page, string name) =>
        (await page.Locator($"[data-figure={name}]").TextContentAsync() ?? string.Empty).Trim();

    /// <summary>The data cells of one table row (the row header left out), as text.</summary>
    private static async Task<string[]> Cells(ILocator row)
    {
        Assert.Equal(1, await row.CountAsync());
        return [.. (await row.Locator("td").AllTextContentsAsync()).Select(t => t.Trim())];
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
