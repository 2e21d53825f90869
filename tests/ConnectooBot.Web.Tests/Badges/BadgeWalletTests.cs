using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Badges;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Tests.Badges;

/// <summary>
/// "Download for my wallet": the signed credential as a <c>.jwt</c> file (application/vc+jwt, attachment), offered on
/// the badge card in Teams and on the public page with a short explanation in the learner's language.
/// </summary>
public sealed class BadgeWalletTests : IDisposable
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly BadgeTestHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    [Fact]
    public async Task WalletDownload_IsTheCompactJwsAsAnAttachmentOfTypeVcJwt()
    {
        var issued = await _host.IssueAsync();

        var response = await _host.CreateClient().GetAsync(BadgeTestHost.PathOf(issued.WalletUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vc+jwt", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"connectoo-badge-{issued.Record.BadgeId}.jwt", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(issued.Record.Credential, await response.Content.ReadAsStringAsync());
        Assert.Equal($"http://localhost/badges/{issued.Record.BadgeId}/credential.jwt", issued.WalletUrl);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-a-badge-id")]
    public async Task WalletDownload_UnknownBadge_Is404(string badgeId)
    {
        var response = await _host.CreateClient().GetAsync($"/badges/{badgeId}/credential.jwt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WalletDownload_RevokedBadge_IsStillServed_AndThePageSaysItIsRevoked()
    {
        var issued = await _host.IssueAsync();
        await BadgeCommands.RunAsync(["revoke", issued.Record.BadgeId, "--reason", "Awarded by mistake"], _host.Services, TextWriter.Null, CancellationToken.None);
        var texts = _host.Get<BadgeTexts>();
        var client = _host.CreateClient();

        var download = await client.GetAsync(BadgeTestHost.PathOf(issued.WalletUrl));
        var html = await client.GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "?lang=en");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(issued.Record.Credential, await download.Content.ReadAsStringAsync());
        Assert.Contains(Html.Encode(texts["en", "badge.page.status.revoked"].Replace("${date}", "12 March 2026", StringComparison.Ordinal)), html, StringComparison.Ordinal);
        Assert.Contains("<strong>" + Html.Encode(texts["en", "badge.wallet.revoked"]) + "</strong>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task Page_InEachLanguage_OffersTheWalletFileWithWhatToDoWithIt(string language)
    {
        var issued = await _host.IssueAsync();
        var texts = _host.Get<BadgeTexts>();

        var html = await _host.CreateClient().GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "?lang=" + language);

        Assert.Contains("<h2 id=\"wallet-heading\">" + Html.Encode(texts[language, "badge.wallet.heading"]) + "</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p>" + Html.Encode(texts[language, "badge.wallet.text"]) + "</p>", html, StringComparison.Ordinal);
        Assert.Contains(
            $"<a href=\"{Html.Encode(issued.WalletUrl)}\" download type=\"application/vc+jwt\">{Html.Encode(texts[language, "badge.wallet.link"])}</a>",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain(Html.Encode(texts[language, "badge.wallet.revoked"]), html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task BadgeCard_InEachLanguage_HasTheWalletButtonUnderItsExplanation(string language)
    {
        var issued = await _host.IssueAsync();
        var content = _host.Get<UiContent>();
        var learner = new Learner
        {
            Key = BadgeTestHost.Learner,
            Language = language,
            DisplayName = "Amélie Dupont-Peeters",
            FirstSeen = _host.Time.GetUtcNow(),
            LastActive = _host.Time.GetUtcNow(),
        };

        var body = _host.Get<BadgeCards>().Badge(learner, issued)["body"]!.AsArray().OfType<JsonObject>().ToList();
        var explanation = body.FindIndex(e => e["text"]?.GetValue<string>() == content.Text(language, "badge.wallet.cardText"));
        var button = body[explanation + 1]["actions"]!.AsArray().Single()!;

        Assert.True(explanation > 0, "the wallet explanation is on the card");
        Assert.Equal("Action.OpenUrl", button["type"]!.GetValue<string>());
        Assert.Equal(content.Text(language, "badge.wallet.button"), button["title"]!.GetValue<string>());
        Assert.Equal(issued.WalletUrl, button["url"]!.GetValue<string>());
        Assert.True(content.Text(language, "badge.wallet.button").Length <= 30, "the button fits a phone-width card");
    }

    [Fact]
    public async Task WellKnownJwks_IsTheIssuersKeySetAsJwkSetJson_AndHoldsTheCredentialsKid()
    {
        var issued = await _host.IssueAsync();
        var client = _host.CreateClient();

        var response = await client.GetAsync("/.well-known/jwks.json");
        var keys = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["keys"]!.AsArray();

        Assert.Equal("application/jwk-set+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonNode.Parse(await client.GetStringAsync("/badges/jwks.json"))!["keys"]!.ToJsonString(), keys.ToJsonString());
        Assert.Equal(CredentialParts.Header(issued.Record.Credential)["kid"]!.GetValue<string>(), Assert.Single(keys)!["kid"]!.GetValue<string>());
        Assert.Null(keys[0]!["d"]);
    }
}
