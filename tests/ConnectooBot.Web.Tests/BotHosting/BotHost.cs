using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Storage;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing.Authentication;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ConnectooBot.Testing;
using ConnectooBot.Web.Tests.Badges.Schema;

namespace ConnectooBot.Web.Tests.BotHosting;

/// <summary>
/// The real ConnectooBot host (WebApplicationFactory over Program) wired to a <see cref="RecordingConnector"/> on
/// loopback, with in-memory storage or a real Azurite, and optionally real token authentication against a
/// <see cref="TestTokenIssuer"/>. Start chats with <see cref="PersonalChat"/>.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private BotHost(WebApplicationFactory<Program> factory, RecordingConnector connector, TestTokenIssuer? issuer, ActivityFactory activities)
    {
        _factory = factory;
        Connector = connector;
        Issuer = issuer;
        Activities = activities;
        Client = factory.CreateClient();
    }

    public RecordingConnector Connector { get; }

    public TestTokenIssuer? Issuer { get; }

    public ActivityFactory Activities { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Every log line the host wrote, at every level.</summary>
    public LogCapture Logs { get; private init; } = new();

    /// <summary>Table Storage requests since the last <see cref="StorageRequestCounter.Reset"/> (Azurite hosts only).</summary>
    public StorageRequestCounter StorageRequests => Services.GetRequiredService<StorageRequestCounter>();

    /// <summary>
    /// Waits until the host's background services have had their start-up pass at storage (no request for half a
    /// second, at most 10 s), then resets <see cref="StorageRequests"/>: what is counted afterwards is the test's doing.
    /// </summary>
    public async Task QuietStorageAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var seen = -1;
        while (clock.Elapsed < TimeSpan.FromSeconds(10) && StorageRequests.Total != seen)
        {
            seen = StorageRequests.Total;
            await Task.Delay(500);
        }

        StorageRequests.Reset();
    }

    /// <param name="services">Replaces or adds services after the host's own (a test's stand-ins).</param>
    /// <param name="extraServices">The same, kept for the delivery tests' name.</param>
    /// <param name="kestrel">Serve on a real Kestrel at 127.0.0.1 (a free port) instead of the in-process test server.</param>
    public static async Task<BotHost> StartAsync(
        bool authenticated = false,
        bool azurite = false,
        Action<IDictionary<string, string?>>? configure = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? extraServices = null,
        Action<IServiceCollection>? services = null,
        bool kestrel = false)
    {
        var connector = await RecordingConnector.StartAsync();
        var issuer = authenticated ? await TestTokenIssuer.StartAsync() : null;
        var settings = new Dictionary<string, string?>
        {
            ["Bot:Connector:AllowLoopbackServiceUrls"] = "true",
            ["Storage:Backend"] = azurite ? nameof(StorageBackend.AzureTables) : nameof(StorageBackend.InMemory),
        };
        if (azurite)
        {
            settings["Storage:ConnectionString"] = (await Azurite.GetAsync()).ConnectionString;
            settings["Storage:TablePrefix"] = Azurite.NewTablePrefix();
        }

        if (issuer is not null)
        {
            settings["Bot:AppId"] = issuer.AppId;
            settings["Bot:AppType"] = "SingleTenant";
            settings["Bot:TenantId"] = TeamsUser.DefaultTenant;
            settings["Bot:ClientSecret"] = "unused: the tests replace the token provider";
            settings["Bot:Authentication:OpenIdMetadataUrl"] = issuer.MetadataUrl.ToString();
            settings["Bot:Authentication:ValidIssuers:0"] = issuer.Issuer;
        }

        configure?.Invoke(settings);
        var logs = new LogCapture();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(collection =>
            {
                collection.RemoveAll<IBotAccessTokenProvider>();
                collection.AddSingleton<IBotAccessTokenProvider>(new FakeBotAccessTokenProvider());
                collection.AddSingleton<ILoggerProvider>(logs);
                SchemaCheckedBadgeStore.Wrap(collection); // every badge a conversation earns meets the OB 3.0 schema
                if (time is not null)
                {
                    collection.RemoveAll<TimeProvider>();
                    collection.AddSingleton(time);
                }

                extraServices?.Invoke(collection);
                services?.Invoke(collection);
            });
        });
        if (kestrel)
        {
            // A real Kestrel on 127.0.0.1 and a free port (for a browser); Client then talks to it over TCP.
            factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }

        var activities = new ActivityFactory(connector.ServiceUrl, issuer?.AppId ?? "00000000-0000-0000-0000-00000000b071");
        var host = new BotHost(factory, connector, issuer, activities) { Logs = logs };
        _ = host.Services; // start the host now, so start-up failures surface here
        return host;
    }

    public PersonalChat PersonalChat(TeamsUser user) => new(this, user);

    /// <summary>Another client of the same host (e.g. without following redirects, with its own cookies).</summary>
    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => _factory.CreateClient(options);

    /// <summary>Posts an activity as Teams would (with a valid token when authentication is on).</summary>
    public Task<HttpResponseMessage> PostAsync(Activity activity, string? token = null) =>
        PostRawAsync(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity), token ?? TokenFor(activity.ServiceUrl));

    public Task<HttpResponseMessage> PostRawAsync(string body, string? token) => PostRawAsync(body, token, "application/json; charset=utf-8");

    /// <summary>Posts a body with the given <c>Content-Type</c> header as it is (null: none).</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string body, string? token, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public string? TokenFor(string? serviceUrl) => Issuer?.CreateToken(serviceUrl ?? Connector.ServiceUrl);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
    }
}
