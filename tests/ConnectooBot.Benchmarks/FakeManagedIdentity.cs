using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Benchmarks;

/// <summary>
/// App Service's managed-identity endpoint as MSAL finds it (<c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c> in the
/// bot process's environment), on 127.0.0.1: gives an authenticated bot process its outbound connector token without
/// Entra ID, so the bot runs with authentication on and unchanged code and settings. Only the benchmark's child
/// process gets these variables.
/// </summary>
internal sealed class FakeManagedIdentity : IAsyncDisposable
{
    public const string Header = "connectoo-benchmark";

    private readonly WebApplication _app;

    private FakeManagedIdentity(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>How many tokens were handed out (MSAL caches one per process).</summary>
    public int Issued { get; private set; }

    /// <summary>The variables that make MSAL in the bot process use this endpoint.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["IDENTITY_ENDPOINT"] = Endpoint.ToString(),
        ["IDENTITY_HEADER"] = Header,
    };

    public static async Task<FakeManagedIdentity> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeManagedIdentity? self = null;
        app.MapGet("/msi/token", (HttpRequest request) =>
        {
            if (request.Headers["X-IDENTITY-HEADER"] != Header)
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            self!.Issued++;
            var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Results.Text(new JsonObject
            {
                ["access_token"] = "benchmark-connector-token",
                ["expires_on"] = expires,
                ["resource"] = request.Query["resource"].ToString(),
                ["token_type"] = "Bearer",
                ["client_id"] = request.Query["client_id"].ToString(),
            }.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        self = new FakeManagedIdentity(app, new Uri(app.Urls.First().TrimEnd('/') + "/msi/token"));
        return self;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
