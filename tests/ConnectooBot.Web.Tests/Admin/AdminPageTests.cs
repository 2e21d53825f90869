using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ConnectooBot.Learning.Insights;

namespace ConnectooBot.Web.Tests.Admin;

/// <summary>/admin and /admin/items as an admin sees them: the snapshot's figures, withheld groups in words, languages and formats, the page's security.</summary>
public sealed partial class AdminPageTests : IAsyncLifetime
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private AdminHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await AdminHost.StartAsync();
        _admin = await _host.SignedInAsync(admin: true);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Programme_ShowsTheSnapshotsFigures_InTheReadersFormat()
    {
        var english = await _admin.GetStringAsync("/admin?lang=en");
        var french = await _admin.GetStringAsync("/admin?lang=fr");

        Assert.Contains("data-figure=\"started\">1,987<", english, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"active\">1,234<", english, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"completed\">876<", english, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"time-median\">12.5 days<", english, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"time-p90\">31.4 days<", english, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"started\">1&#x202F;987<", french, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"time-median\">12,5 jours<", french, StringComparison.Ordinal);
        Assert.Contains(">61&#xA0;%<", french, StringComparison.Ordinal); // first-attempt pass rate of module 1
        Assert.Contains(">61%<", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithheldGroups_SayItInWords_AndShowNoFigure()
    {
        var html = await _admin.GetStringAsync("/admin?lang=en");

        var team = Assert.Single(Row(html, SampleInsights.WithheldTeam));
        Assert.Equal("<td colspan=\"4\" class=\"withheld\">withheld (fewer than 5 learners)</td>", team);
        var german = Assert.Single(Row(html, "German"));
        Assert.Equal("<td colspan=\"4\" class=\"withheld\">withheld (fewer than 5 learners)</td>", german);
        // Not drawn either: the chart data names no withheld group.
        var json = ChartData().Match(html).Groups[1].Value;
        Assert.DoesNotContain(SampleInsights.WithheldTeam, json, StringComparison.Ordinal);
        Assert.DoesNotContain("German", json, StringComparison.Ordinal);
        Assert.Contains("Accueil Bruxelles", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin?lang=nl", null, "nl", "Overzicht van het programma")]
    [InlineData("/admin", "de-BE,de;q=0.9,en;q=0.5", "de", "Programmübersicht")]
    [InlineData("/admin", "fr-BE", "fr", "Vue d&#x2019;ensemble du programme")]
    [InlineData("/admin?lang=en", "fr-BE", "en", "Programme overview")]
    [InlineData("/admin", null, "en", "Programme overview")]
    [InlineData("/admin/items?lang=de", null, "de", "Fragenanalyse")]
    public async Task Language_FromTheQueryThenAcceptLanguage(string path, string? acceptLanguage, string expected, string heading)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await _admin.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{expected}\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>" + heading + "</h1>", html.Replace("'", "&#x2019;", StringComparison.Ordinal).Replace("&#x27;", "&#x2019;", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryView_IsOneStorageRead()
    {
        var before = _host.Store.Reads;

        for (var i = 0; i < 5; i++)
        {
            (await _admin.GetAsync("/admin")).Dispose();
            (await _admin.GetAsync("/admin/items")).Dispose();
        }

        Assert.Equal(10, _host.Store.Reads - before);
    }

    [Fact]
    public async Task Pages_RunOnlyTheHostsOwnScripts_UnderAStrictPolicy()
    {
        foreach (var path in new[] { "/admin", "/admin/items" })
        {
            using var response = await _admin.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();

            Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            var scripts = Script().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(3, scripts.Count);
            Assert.All(scripts, s => Assert.True(
                s.Contains("src=\"/admin/assets/", StringComparison.Ordinal) || s.Contains("type=\"application/json\"", StringComparison.Ordinal), s));
            Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(EventHandlerAttribute(), html);
        }
    }

    [Fact]
    public async Task Programme_EveryChart_IsAFigureWithACaptionAndATable()
    {
        var html = await _admin.GetStringAsync("/admin?lang=fr");

        var figures = Figure().Matches(html);
        Assert.Equal(6, figures.Count); // funnel, first-attempt rate, attempts per pass, languages, teams, weekly
        Assert.All(figures, f =>
        {
            Assert.Contains("<figcaption id=", f.Value, StringComparison.Ordinal);
            Assert.Contains("role=\"img\" aria-labelledby=", f.Value, StringComparison.Ordinal);
            Assert.Contains("<details>\n<summary>Afficher les chiffres sous forme de tableau</summary>", f.Value, StringComparison.Ordinal);
            Assert.Contains("<th scope=\"col\">", f.Value, StringComparison.Ordinal);
        });
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"skip\" href=\"#main\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("00000000-0000-0000-0000-00000000ad01", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_ShowTheQuestionText_FlagsInWords_AndWithheldVersionsWithoutFigures()
    {
        var module = _host.Course.Modules[0];
        var question = module.Questions[0];
        var english = await _admin.GetStringAsync("/admin/items?lang=en");
        var prompt = module.Texts["fr"].Questions[question.Id].Prompt.Trim();

        Assert.Contains("lang=\"fr\">" + Html.Encode(prompt[..20]), english, StringComparison.Ordinal);
        var flags = Single(FlagsCells(), english, question.Id, "French");
        Assert.Equal("<ul class=\"flags\"><li>too easy</li><li>not discriminating</li></ul>", flags);
        Assert.Equal("<ul class=\"flags\"><li>too hard</li><li>distractor beats the key</li></ul>", Single(FlagsCells(), english, question.Id, "Dutch"));
        Assert.Contains("<dt>too easy</dt><dd>more than 95% answer it right the first time</dd>", english, StringComparison.Ordinal);
        Assert.Contains("2 of 4 question versions flagged in this module.", english, StringComparison.Ordinal);
        Assert.Contains("<td colspan=\"6\" class=\"withheld\">withheld (fewer than 5 learners)</td>", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/items/" + module.Id + ".csv\"", english, StringComparison.Ordinal);
        Assert.Contains("97%", english, StringComparison.Ordinal);
        Assert.Contains("0.08", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_AnotherModule_IsChosenByItsId()
    {
        var second = _host.Course.Modules[1];

        var html = await _admin.GetStringAsync($"/admin/items?module={second.Id}&lang=nl");

        Assert.Contains("<h2 id=\"module-heading\">2. " + Html.Encode(second.Texts["nl"].Title) + "</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Nog niemand heeft de vragen van deze module beantwoord.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSnapshotYet_SaysSo()
    {
        using var client = await _host.SignedInAsync(admin: true, tenant: "12345678-0000-0000-0000-000000000000");

        using var response = await client.GetAsync("/admin?lang=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>No figures yet</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<canvas", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task AProgrammeOfFewerThan5Learners_ShowsNoFigureAtAll_NorItsCsv(int learners)
    {
        const string tenant = "12345678-0000-0000-0000-0000000000f4";
        var few = SampleInsights.Create(_host.Course, tenant) with { Totals = new ProgrammeTotals(learners, learners, learners, 0) };
        await _host.Store.SaveAsync(few, CancellationToken.None);
        using var client = await _host.SignedInAsync(admin: true, tenant: tenant);

        var programme = await client.GetStringAsync("/admin?lang=en");
        var items = await client.GetStringAsync("/admin/items?lang=fr");
        using var csv = await client.GetAsync($"/admin/items/{_host.Course.Modules[0].Id}.csv");

        Assert.Contains("<h1>Too few learners yet</h1>", programme, StringComparison.Ordinal);
        Assert.Contains("<h1>Pas encore assez d&#x27;apprenants</h1>", items, StringComparison.Ordinal);
        foreach (var html in new[] { programme, items })
        {
            Assert.DoesNotContain("<canvas", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-figure=", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
    }

    [Fact]
    public async Task AProgrammeOf5Learners_ShowsItsFigures()
    {
        const string tenant = "12345678-0000-0000-0000-0000000000f5";
        await _host.Store.SaveAsync(SampleInsights.Create(_host.Course, tenant) with { Totals = new ProgrammeTotals(5, 5, 3, 1) }, CancellationToken.None);
        using var client = await _host.SignedInAsync(admin: true, tenant: tenant);

        var programme = await client.GetStringAsync("/admin?lang=en");

        Assert.Contains("data-figure=\"started\">5<", programme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_AreServedWithAVersionedAddress_AndTheRightType()
    {
        var html = await _admin.GetStringAsync("/admin");
        var sources = AssetAddress().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(4, sources.Count); // Chart.js, the chart code, the style sheet, the icon
        foreach (var source in sources)
        {
            using var response = await _admin.GetAsync(source);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(response.Content.Headers.ContentType?.MediaType, new[] { "text/javascript", "text/css", "image/svg+xml" });
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        }
    }

    /// <summary>The flags cell of the item row of a question in a language.</summary>
    private static string Single(Regex rows, string html, string question, string language) =>
        Assert.Single(rows.Matches(html), m => m.Groups[1].Value == question && m.Groups[2].Value == language).Groups[3].Value;

    [GeneratedRegex("<tr><th scope=\"row\"><span class=\"qid\">([^<]*)</span>.*?</th><td>([^<]*)</td>.*?<td class=\"flagged\">(.*?)</td></tr>")]
    private static partial Regex FlagsCells();

    private static IEnumerable<string> Row(string html, string header) =>
        TableRow().Matches(html).Where(m => m.Groups[1].Value == header).Select(m => m.Groups[2].Value);

    [GeneratedRegex("<tr><th scope=\"row\">([^<]*)</th>(.*?)</tr>")]
    private static partial Regex TableRow();

    [GeneratedRegex("<script type=\"application/json\" id=\"chart-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ChartData();

    [GeneratedRegex("<script([^>]*)>")]
    private static partial Regex Script();

    [GeneratedRegex("<figure class=\"chart\">.*?</figure>", RegexOptions.Singleline)]
    private static partial Regex Figure();

    [GeneratedRegex("(?:src|href)=\"(/admin/assets/[^\"]+)\"")]
    private static partial Regex AssetAddress();

    [GeneratedRegex("<[a-z]+\\s[^>]*\\bon[a-z]+=")]
    private static partial Regex EventHandlerAttribute();
}
