using System.Net;
using ConnectooBot.Web.Admin;
using ConnectooBot.Web.Tests.Badges;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Tests.Admin;

/// <summary>Outside Development: no development sign-in ever; the dashboard is off until Entra is configured, and a bad configuration stops the start.</summary>
public sealed class AdminProductionTests
{
    private static readonly Dictionary<string, string> Entra = new()
    {
        ["Admin:Entra:TenantId"] = "11111111-2222-3333-4444-555555555555",
        ["Admin:Entra:ClientId"] = "66666666-7777-8888-9999-000000000000",
        ["Admin:Entra:ClientCredentials:0:SourceType"] = "SignedAssertionFromManagedIdentity",
        ["Admin:Entra:ClientCredentials:0:ManagedIdentityClientId"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    };

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/items")]
    [InlineData("/admin/dev-sign-in")]
    [InlineData("/admin/dev-sign-in?as=admin&tenant=99999999-0000-0000-0000-00000000c0de")]
    public async Task NotConfigured_InProduction_TheDashboardDoesNotExist(string path)
    {
        using var host = new BadgeTestHost(environment: "Production");

        using var response = await host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ConfiguredForEntra_InProduction_StartsAndHasNoDevelopmentSignIn()
    {
        using var production = new BadgeTestHost(environment: "Production");
        using var host = production.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in Entra)
            {
                b.UseSetting(key, value);
            }
        });
        using var client = host.CreateClient(new() { AllowAutoRedirect = false });

        using var signIn = await client.GetAsync("/admin/dev-sign-in?as=admin&tenant=99999999-0000-0000-0000-00000000c0de");
        using var chart = await client.GetAsync("/admin/assets/chart.umd.min.js");

        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal(AdminMode.Entra, ((AdminModeChoice)host.Services.GetService(typeof(AdminModeChoice))!).Mode);
        // Not signed in → the cookie hands the challenge to Entra (OpenID Connect, code flow, callback under /admin).
        var cookie = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AdminSchemes.Cookie);
        var entra = host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(AdminSchemes.Entra);
        Assert.Equal(AdminSchemes.Entra, cookie.ForwardChallenge);
        Assert.Equal("/admin", cookie.Cookie.Path);
        Assert.Equal(CookieSecurePolicy.Always, cookie.Cookie.SecurePolicy);
        Assert.Equal("/admin/signin-oidc", entra.CallbackPath.Value);
        Assert.Equal("code", entra.ResponseType);
        Assert.Equal("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0", entra.Authority);
    }

    [Fact]
    public void HalfConfigured_InProduction_HostRefusesToStart()
    {
        using var production = new BadgeTestHost(environment: "Production");
        using var host = production.WithWebHostBuilder(b => b.UseSetting("Admin:Entra:ClientId", "66666666-7777-8888-9999-000000000000"));

        var failure = Record.Exception(() => host.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("Admin:Entra:TenantId", Messages(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Admin:Entra:TenantId", "common", "single-tenant")]
    [InlineData("Admin:Entra:ClientCredentials:0:SourceType", "ClientSecret", "no client secret in configuration")]
    [InlineData("Admin:Entra:Instance", "http://login.example", "absolute https")]
    [InlineData("Admin:Entra:CallbackPath", "/signin-oidc", "under /admin/")]
    [InlineData("Admin:DevelopmentTenantId", "99999999-0000-0000-0000-00000000c0de", "refused outside Development")]
    public void Validator_RejectsWhatWouldFailAtTheFirstSignIn(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>(Entra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))) { [key] = value };
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Admin").Get<AdminOptions>()!;

        var result = new AdminOptionsValidator(new TestEnvironment("Production")).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_AcceptsTheManagedIdentityRegistration()
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(Entra!).Build().GetSection("Admin").Get<AdminOptions>()!;

        var result = new AdminOptionsValidator(new TestEnvironment("Production")).Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private static string Messages(Exception failure) =>
        string.Join(" | ", Enumerable.Repeat(failure, 1).Concat(failure is AggregateException a ? a.InnerExceptions : []).Select(e => e.ToString()));

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "ConnectooBot.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
