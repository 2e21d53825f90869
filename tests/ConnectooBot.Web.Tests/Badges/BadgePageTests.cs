using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Web.Badges;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Tests.Badges;

public sealed class BadgePageTests : IDisposable
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly BadgeTestHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task Page_InEachLanguage_ShowsNameScoresAndValidStatusInWords(string language)
    {
        var issued = await _host.IssueAsync();
        var texts = _host.Get<BadgeTexts>();

        var html = await _host.CreateClient().GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "?lang=" + language);

        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>" + Html.Encode(texts[language, "badge.page.heading"]) + "</h1>", html, StringComparison.Ordinal);
        Assert.Contains(Html.Encode(texts.Format(language, "badge.page.status.valid", ("issuer", BadgeOptions.DefaultIssuerName))), html, StringComparison.Ordinal);
        Assert.Contains("Amélie Dupont-Peeters", html, StringComparison.Ordinal);
        Assert.Contains("<td>" + Html.Encode(texts.Format(language, "badge.page.scores.value", ("score", "92"))) + "</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"" + Html.Encode(texts[language, "badge.page.image.alt"]) + "\"", html, StringComparison.Ordinal);
        Assert.Contains("12", html, StringComparison.Ordinal); // 12 March 2026 in any of the four languages
    }

    [Fact]
    public async Task Page_TheFourLanguagesDiffer()
    {
        var issued = await _host.IssueAsync();
        var client = _host.CreateClient();

        var pages = new List<string>();
        foreach (var language in Languages.All)
        {
            pages.Add(await client.GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "?lang=" + language));
        }

        Assert.Equal(4, pages.Distinct().Count());
    }

    [Theory]
    [InlineData("nl-BE,nl;q=0.9,en;q=0.5", "nl")]
    [InlineData("en;q=0.4,de-BE;q=0.8", "de")]
    [InlineData("es-ES,es;q=0.9", "en")]
    [InlineData("fr;q=0,nl;q=0.2", "nl")]
    public async Task Page_WithoutLangParameter_FollowsAcceptLanguage(string acceptLanguage, string expected)
    {
        var issued = await _host.IssueAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, BadgeTestHost.PathOf(issued.PageUrl));
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Contains($"<html lang=\"{expected}\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Page_LangParameterWinsOverAcceptLanguage_AndAnUnknownOneIsIgnored()
    {
        var issued = await _host.IssueAsync();
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("de"));

        var french = await client.GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "?lang=fr");
        var unknown = await client.GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "?lang=xx");

        Assert.Contains("<html lang=\"fr\">", french, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OffersTheOtherLanguagesAndTheMachineReadableLinks()
    {
        var issued = await _host.IssueAsync();

        var html = await _host.CreateClient().GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "?lang=nl");

        Assert.Contains($"href=\"{issued.PageUrl}?lang=fr\" lang=\"fr\" hreflang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{issued.BakedImageUrl}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{issued.CredentialUrl}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{issued.VerifyUrl}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/badges/0123456789abcdef0123456789abcdef?lang=de", "de")]
    [InlineData("/badges/not-a-badge?lang=nl", "nl")]
    [InlineData("/badges/%3Cscript%3E", "en")]
    public async Task UnknownBadge_Is404PageInTheRightLanguage(string path, string language)
    {
        var texts = _host.Get<BadgeTexts>();

        var response = await _host.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>" + Html.Encode(texts[language, "badge.notfound.title"]) + "</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/credential")]
    [InlineData("/credential.json")]
    [InlineData("/verify")]
    [InlineData("/image.png")]
    [InlineData("/credential.jwt")]
    public async Task UnknownBadge_MachineEndpointsAre404(string suffix)
    {
        var response = await _host.CreateClient().GetAsync("/badges/0123456789abcdef0123456789abcdef" + suffix);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CredentialJson_IsTheDecodedCredential()
    {
        var issued = await _host.IssueAsync();

        var json = JsonNode.Parse(await _host.CreateClient().GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "/credential.json"))!;

        Assert.Equal(CredentialParts.Payload(issued.Record.Credential).ToJsonString(), json.ToJsonString());
    }

    [Fact]
    public async Task VerifyEndpoint_ValidBadge_SaysValid()
    {
        var issued = await _host.IssueAsync();

        var result = JsonNode.Parse(await _host.CreateClient().GetStringAsync(BadgeTestHost.PathOf(issued.VerifyUrl)))!;

        Assert.Equal("valid", result["status"]!.GetValue<string>());
        Assert.Equal(issued.PageUrl, result["badge"]!.GetValue<string>());
    }

    [Fact]
    public async Task IssuerProfile_IsAnOpenBadgesProfileDocument()
    {
        var profile = JsonNode.Parse(await _host.CreateClient().GetStringAsync("/badges/issuer"))!;

        Assert.Equal(OpenBadgesTerms.OpenBadgesContext, profile["@context"]![0]!.GetValue<string>());
        Assert.Equal("http://localhost/badges/issuer", profile["id"]!.GetValue<string>());
        Assert.Equal("Profile", profile["type"]![0]!.GetValue<string>());
        Assert.Equal(BadgeOptions.DefaultIssuerName, profile["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Achievement_IsServedPerLanguage_AndLinksTheOtherEditions()
    {
        var client = _host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/badges/achievement");
        request.Headers.TryAddWithoutValidation("Accept-Language", "de-BE");

        var negotiated = JsonNode.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync())!;
        var dutch = JsonNode.Parse(await client.GetStringAsync("/badges/achievement/nl"))!;
        var missing = await client.GetAsync("/badges/achievement/xx");

        Assert.Equal("http://localhost/badges/achievement/de", negotiated["id"]!.GetValue<string>());
        Assert.Equal("nl", dutch["inLanguage"]!.GetValue<string>());
        Assert.Equal(_host.Get<BadgeTexts>()["nl", "badge.achievement.name"], dutch["name"]!.GetValue<string>());
        Assert.Equal(["de", "en", "fr"], dutch["related"]!.AsArray().Select(r => r!["inLanguage"]!.GetValue<string>()).Order());
        Assert.NotNull(dutch["criteria"]!["narrative"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task WithTheCourseRegistered_ModulesAreNamedInThePagesLanguage_AndThePassMarkIsRequired()
    {
        var course = new Learning.Catalog.Course
        {
            Id = "connectoo",
            PassMark = 0.8m,
            QuestionsPerAttempt = 8,
            Version = "content-v1",
            Modules =
            [
                .. BadgeTestHost.Scores.Select((s, i) => new Module
                {
                    Id = s.ModuleId,
                    Number = i + 1,
                    EstimatedMinutes = 10,
                    Steps = [],
                    Questions = [],
                    Texts = Languages.All.ToDictionary(l => l, l => new ModuleText($"{l}: title of {s.ModuleId}", "summary", new Dictionary<string, StepText>(), new Dictionary<string, QuestionText>())),
                }),
            ],
        };
        using var host = new BadgeTestHost(course: course);
        var issued = await host.IssueAsync(language: "nl");

        var html = await host.CreateClient().GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "?lang=de");
        var description = CredentialParts.Payload(issued.Record.Credential)["credentialSubject"]!["achievement"]!["resultDescription"]![0]!;

        Assert.Contains("<th scope=\"row\">de: title of digital-divide</th>", html, StringComparison.Ordinal);
        Assert.Equal("nl: title of digital-divide", description["name"]!.GetValue<string>());
        Assert.Equal("80", description["requiredValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task ModulesNoLongerInTheCourse_AreNumberedInThePagesLanguage()
    {
        var emptyCourse = new ConnectooBot.Learning.Catalog.Course { Id = "connectoo", PassMark = 0.8m, QuestionsPerAttempt = 8, Modules = [], Version = "v0" };
        using var host = new BadgeTestHost(course: emptyCourse);
        var issued = await host.IssueAsync();

        var html = await host.CreateClient().GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "?lang=de");

        Assert.Contains("<th scope=\"row\">Modul 3</th>", html, StringComparison.Ordinal);
    }
}
