using System.Net;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Tests.Admin;

/// <summary>Who may open /admin in Development: not signed in → sign in; without the role → 403 page; every decision logged without a name.</summary>
public sealed class AdminAccessTests : IAsyncLifetime
{
    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/items")]
    public async Task NotSignedIn_IsSentToTheSignIn(string path)
    {
        using var client = _host.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/dev-sign-in?returnUrl=", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, _host.Store.Reads);
    }

    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task SignedInWithoutTheRole_Gets403_AReadablePageInTheirLanguage(string language)
    {
        using var client = await _host.SignedInAsync(admin: false);

        using var response = await client.GetAsync("/admin?lang=" + language);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains("Connectoo.Admin", html, StringComparison.Ordinal);
        Assert.Contains("<h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1.987", html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Store.Reads);
    }

    [Fact]
    public async Task WithTheRole_TheProgrammePageIsServed()
    {
        using var client = await _host.SignedInAsync(admin: true);

        using var response = await client.GetAsync("/admin?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _host.Store.Reads);
    }

    [Fact]
    public async Task EveryDecision_IsLogged_WithPathTenantOutcome_AndTheUserOnlyAsAHash()
    {
        using (var anonymous = _host.Client())
        {
            (await anonymous.GetAsync("/admin/items")).Dispose();
        }

        using var viewer = await _host.SignedInAsync(admin: false);
        (await viewer.GetAsync("/admin")).Dispose();
        using var admin = await _host.SignedInAsync(admin: true);
        (await admin.GetAsync("/admin")).Dispose();

        var access = _host.Bot.Logs.Lines.Where(l => l.EventId == 4600).Select(l => l.Message).ToList();
        Assert.Contains(access, m => m.Contains("/admin/items", StringComparison.Ordinal) && m.EndsWith(": Challenged", StringComparison.Ordinal));
        Assert.Contains(access, m => m.Contains(SampleInsights.Tenant, StringComparison.Ordinal) && m.EndsWith(": Forbidden", StringComparison.Ordinal));
        Assert.Contains(access, m => m.Contains(SampleInsights.Tenant, StringComparison.Ordinal) && m.EndsWith(": Granted", StringComparison.Ordinal));
        // The development people's object ids never reach the log; their 16-hex hashes do.
        Assert.DoesNotContain(_host.Bot.Logs.Lines, l => l.Message.Contains("00000000ad0", StringComparison.Ordinal));
        Assert.All(access.Where(m => !m.EndsWith("Challenged", StringComparison.Ordinal)), m => Assert.Matches(" user [0-9a-f]{16}: ", m));
    }

    [Fact]
    public async Task DevelopmentSignIn_NeverRedirectsOffTheDashboard()
    {
        using var client = _host.Client();

        using var response = await client.GetAsync($"/admin/dev-sign-in?as=admin&tenant={SampleInsights.Tenant}&returnUrl=https://evil.example/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task DevelopmentSignIn_WithoutAChoice_IsAFormInTheRequestedLanguage()
    {
        using var client = _host.Client();

        using var response = await client.GetAsync("/admin/dev-sign-in?lang=nl");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"as\" value=\"admin\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"tenant\">", html, StringComparison.Ordinal);
    }
}
