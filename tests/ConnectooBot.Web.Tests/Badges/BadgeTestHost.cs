using System.Net;
using System.Net.Sockets;
using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Web.Badges;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using ConnectooBot.Web.Tests.Badges.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Web.Tests.Badges;

/// <summary>
/// The whole app under test with badges configured: a signing key made for the test, the in-memory store, a fake
/// clock, and http://localhost as the public address (the test server's own). Every credential it issues is checked
/// against the official OB 3.0 AchievementCredential schema (<see cref="SchemaCheckedBadgeStore"/>).
/// </summary>
internal sealed class BadgeTestHost(
    string environment = "Development",
    string? signingKeyPem = "generate",
    Learning.Catalog.Course? course = null,
    string? tableConnectionString = null,
    string publicBaseUrl = BadgeTestHost.BaseUrl) : WebApplicationFactory<Program>
{
    public const string BaseUrl = "http://localhost";

    public static readonly LearnerKey Learner = new("99999999-0000-0000-0000-00000000c0de", "6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B");

    public static readonly IReadOnlyList<ModuleScore> Scores =
    [
        new("digital-divide", 92),
        new("welcoming", 85),
        new("identity", 100),
        new("services", 88),
        new("documents", 80),
        new("safety", 96),
    ];

    private readonly string? _signingKeyPem = signingKeyPem == "generate" ? BadgeSigningKey.GeneratePem() : signingKeyPem;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 12, 9, 30, 15, TimeSpan.Zero));

    public IBadgeStore Store => Services.GetRequiredService<IBadgeStore>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public Task<IssuedBadge> IssueAsync(string displayName = "Amélie Dupont-Peeters", string language = "fr", LearnerKey? learner = null) =>
        Get<BadgeIssuer>().IssueAsync(learner ?? Learner, "connectoo", displayName, language, Scores, "content-v1", CancellationToken.None);

    /// <summary>
    /// The host on Kestrel at http://127.0.0.1:&lt;free port&gt;, which is also its public address (inside every credential),
    /// so a program outside the test process (the independent verifier) can fetch keys and the revocation list.
    /// </summary>
    public static BadgeTestHost StartOnLoopback(string? signingKeyPem = "generate")
    {
        var port = FreeLoopbackPort();
        var host = new BadgeTestHost(signingKeyPem: signingKeyPem, publicBaseUrl: $"http://127.0.0.1:{port}");
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        host.StartServer();
        return host;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The path of an absolute badge URL, for the test client.</summary>
    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Badges:PublicBaseUrl", publicBaseUrl);
        builder.UseSetting("Badges:SigningKeyPem", _signingKeyPem ?? string.Empty);
        builder.UseSetting("Badges:DevelopmentKeyPath", Path.Combine(Path.GetTempPath(), "connectoo-tests", Guid.NewGuid().ToString("N"), "key.pem"));
        builder.UseSetting("Storage:Backend", tableConnectionString is null ? "InMemory" : "AzureTables");
        builder.UseSetting("Storage:ConnectionString", tableConnectionString ?? string.Empty);
        builder.UseSetting("Storage:TablePrefix", "t" + Guid.NewGuid().ToString("N")[..10]);
        if (environment == "Production")
        {
            // Production also requires the bot's own credentials; these are placeholders nothing calls.
            builder.UseSetting("Bot:AppId", "00000000-0000-0000-0000-00000000b071");
            builder.UseSetting("Bot:AppType", "SingleTenant");
            builder.UseSetting("Bot:TenantId", "00000000-0000-0000-0000-00000000c0de");
            builder.UseSetting("Bot:ClientSecret", "unused-in-tests");
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            if (course is not null)
            {
                services.AddSingleton(course);
            }

            PlatformStandIns.AddMissing(services);
        });
        builder.ConfigureTestServices(SchemaCheckedBadgeStore.Wrap);
    }
}
