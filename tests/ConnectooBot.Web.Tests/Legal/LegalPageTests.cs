using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ConnectooBot.Web.Tests.Hosting;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Tests.Legal;

/// <summary>GET /legal/privacy, /legal/terms and /legal/about through the real host.</summary>
public sealed partial class LegalPageTests() : BotTest()
{
    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task Privacy_InEachLanguage_IsAReadablePageWithEverySection(string language)
    {
        using var response = await Bot.Client.GetAsync("/legal/privacy?lang=" + language);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Single(Heading1().Matches(html));
        Assert.True(Heading2().Count(html) >= 6, "controller, what, why, how long, who sees it, rights");
        Assert.Contains("24", html, StringComparison.Ordinal); // months of inactivity by default
        Assert.Contains("<strong>my data</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>delete my data</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Microsoft", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task TermsAndAbout_InEachLanguage_Are200WithTheLanguageAndAHeading(string language)
    {
        foreach (var page in new[] { "terms", "about" })
        {
            using var response = await Bot.Client.GetAsync($"/legal/{page}?lang={language}");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
            Assert.Single(Heading1().Matches(html));
            Assert.Contains("href=\"privacy?lang=" + language + "\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Privacy_EachLanguageHasItsOwnTitle()
    {
        var titles = new List<string>();
        foreach (var language in Languages.All)
        {
            var html = await Bot.Client.GetStringAsync("/legal/privacy?lang=" + language);
            titles.Add(Title().Match(html).Groups[1].Value);
        }

        Assert.Equal(["Protection de la vie privée", "Privacyverklaring", "Datenschutzhinweise", "Privacy notice"], titles);
    }

    [Theory]
    [InlineData("?lang=es", null, "en")]
    [InlineData("?lang=", null, "en")]
    [InlineData("", null, "en")]
    [InlineData("", "es-ES,it;q=0.8", "en")]
    [InlineData("", "nl-BE,nl;q=0.9,en;q=0.5", "nl")]
    [InlineData("", "en;q=0.4,de-BE;q=0.8", "de")]
    [InlineData("?lang=fr", "de-DE", "fr")]
    public async Task Privacy_LanguageChoice_QueryThenAcceptLanguageThenEnglish(string query, string? acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/legal/privacy" + query);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await Bot.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{expected}\">", html, StringComparison.Ordinal);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Privacy_LinksToItsOtherLanguagesAndTheOtherTexts()
    {
        var html = await Bot.Client.GetStringAsync("/legal/privacy?lang=nl");

        Assert.Contains("<span lang=\"nl\" aria-current=\"page\">Nederlands</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"privacy?lang=fr\" lang=\"fr\" hreflang=\"fr\">Français</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"terms?lang=nl\">Gebruiksvoorwaarden</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_ForbidScriptThroughTheirHeaders()
    {
        using var response = await Bot.Client.GetAsync("/legal/terms");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownLegalPage_Is404()
    {
        using var response = await Bot.Client.GetAsync("/legal/cookies");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex Heading1();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex Title();

    [GeneratedRegex("<h2[ >]")]
    private static partial Regex Heading2();
}
