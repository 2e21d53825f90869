using Microsoft.AspNetCore.Hosting;
using ConnectooBot.Web.Badges;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Tests.Badges;

public sealed class BadgeStartupTests
{
    [Fact]
    public void MissingKey_InProduction_HostRefusesToStart()
    {
        using var host = new BadgeTestHost(environment: "Production", signingKeyPem: null);

        var failure = Record.Exception(() => host.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(Messages(failure), m => m.Contains("Badges:SigningKeyPem is required", StringComparison.Ordinal));
    }

    [Fact]
    public void UnusableKey_HostRefusesToStart()
    {
        using var host = new BadgeTestHost(environment: "Production", signingKeyPem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----");

        var failure = Record.Exception(() => host.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(Messages(failure), m => m.Contains("Badges:SigningKeyPem:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfiguredKey_InProduction_HostStarts()
    {
        using var host = new BadgeTestHost(environment: "Production");

        var response = await host.CreateClient().GetAsync("/badges/jwks.json");

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public void InjectedStorageFaults_InProduction_HostRefusesToStart()
    {
        using var production = new BadgeTestHost(environment: "Production");
        using var host = production.WithWebHostBuilder(b => b.UseSetting("Storage:Faults:BadgeStoreHolds", "1"));

        var failure = Record.Exception(() => host.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(Messages(failure), m => m.Contains("Storage:Faults injects storage faults for tests and is refused outside Development", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production", "http://connectoo.example.be", "https outside Development")]
    [InlineData("Production", "https://connectoo.example.be/?x=1", "without query")]
    [InlineData("Development", "not a url", "absolute")]
    public void Validator_RejectsABadPublicBaseUrl(string environment, string baseUrl, string expected)
    {
        var options = new BadgeOptions { PublicBaseUrl = baseUrl, SigningKeyPem = BadgeSigningKey.GeneratePem() };

        var result = new BadgeOptionsValidator(new TestEnvironment(environment)).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_RejectsASmallRsaKeyAndAPublicKey()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(1024);
        var validator = new BadgeOptionsValidator(new TestEnvironment("Production"));

        var small = validator.Validate(null, new BadgeOptions { PublicBaseUrl = "https://x.example", SigningKeyPem = rsa.ExportPkcs8PrivateKeyPem() });
        var publicOnly = validator.Validate(null, new BadgeOptions { PublicBaseUrl = "https://x.example", SigningKeyPem = rsa.ExportSubjectPublicKeyInfoPem() });

        Assert.Contains("2048", small.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("PEM private key", publicOnly.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void DevelopmentKey_IsGeneratedOnceAndReused()
    {
        var root = Path.Combine(Path.GetTempPath(), "connectoo-tests", Guid.NewGuid().ToString("N"));
        var environment = new TestEnvironment("Development") { ContentRootPath = root };
        var options = Options.Create(new BadgeOptions { PublicBaseUrl = "http://127.0.0.1:3978" });
        var urls = new BadgeUrls(options);

        using var first = new BadgeSigningKeySource(options, environment, urls, NullLogger<BadgeSigningKeySource>.Instance).Load();
        using var second = new BadgeSigningKeySource(options, environment, urls, NullLogger<BadgeSigningKeySource>.Instance).Load();
        var path = Path.Combine(root, ".local", "badge-signing-key.pem");

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Directory.Delete(root, recursive: true);
    }

    private static IEnumerable<string> Messages(Exception exception) => exception switch
    {
        AggregateException aggregate => [aggregate.Message, .. aggregate.InnerExceptions.SelectMany(Messages)],
        _ when exception.InnerException is { } inner => [exception.Message, .. Messages(inner)],
        _ => [exception.Message],
    };

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "ConnectooBot.Web";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
