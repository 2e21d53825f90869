using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Protocol.Tests.Connector;

/// <summary>
/// The real MSAL provider, with MSAL's HTTP answered by <see cref="FakeTokenEndpoint"/>: one token request for
/// several sends, the right authority per app type, and no token at all without an app id (teams-protocol.md §3.1).
/// </summary>
public sealed class BotAccessTokenTests : IDisposable
{
    private const string AppId = "11111111-1111-1111-1111-111111111111";
    private const string TenantId = "22222222-2222-2222-2222-222222222222";
    private readonly FakeTokenEndpoint _tokenEndpoint = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("connectoo-cert-").FullName;

    [Fact]
    public async Task SendToConversationAsync_SingleTenantSecretTwoSends_RequestsOneTokenFromTheHomeTenantAndSendsItTwice()
    {
        await using var host = await StartAsync(new() { ["Bot:AppType"] = "SingleTenant", ["Bot:TenantId"] = TenantId, ["Bot:ClientSecret"] = "s3cret" });

        await Send(host);
        await Send(host);

        var tokenRequest = Assert.Single(_tokenEndpoint.Requests);
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token", tokenRequest.Uri.AbsoluteUri);
        Assert.Contains("grant_type=client_credentials", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains($"client_id={AppId}", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", tokenRequest.Body, StringComparison.Ordinal);
        Assert.All(host.Connector.Requests, r => Assert.Equal("Bearer msal-token-1", r.Authorization));
        Assert.Equal(2, host.Connector.Requests.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_TokenCloseToExpiry_IsRenewedOnTheNextSend()
    {
        // MSAL treats a token within five minutes of expiry as expired: this one is never served from cache.
        _tokenEndpoint.ExpiresInSeconds = 120;
        await using var host = await StartAsync(new() { ["Bot:AppType"] = "SingleTenant", ["Bot:TenantId"] = TenantId, ["Bot:ClientSecret"] = "s3cret" });

        await Send(host);
        _tokenEndpoint.AccessToken = "msal-token-2";
        await Send(host);

        Assert.Equal(2, _tokenEndpoint.Requests.Count);
        Assert.Equal("Bearer msal-token-2", host.Connector.Requests[1].Authorization);
    }

    [Fact]
    public async Task SendToConversationAsync_ConcurrentSendsOnColdCache_RequestOneToken()
    {
        await using var host = await StartAsync(new() { ["Bot:AppType"] = "SingleTenant", ["Bot:TenantId"] = TenantId, ["Bot:ClientSecret"] = "s3cret" });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Send(host)));

        Assert.Single(_tokenEndpoint.Requests);
        Assert.Equal(8, host.Connector.Requests.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_MultiTenant_UsesTheBotFrameworkAuthority()
    {
        await using var host = await StartAsync(new() { ["Bot:AppType"] = "MultiTenant", ["Bot:ClientSecret"] = "s3cret" });

        await Send(host);

        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", Assert.Single(_tokenEndpoint.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task SendToConversationAsync_ConfiguredAuthorityHost_IsUsed()
    {
        await using var host = await StartAsync(new()
        {
            ["Bot:AppType"] = "SingleTenant",
            ["Bot:TenantId"] = TenantId,
            ["Bot:ClientSecret"] = "s3cret",
            ["Bot:Connector:AuthorityHost"] = "https://login.microsoftonline.us",
        });

        await Send(host);

        Assert.Equal($"https://login.microsoftonline.us/{TenantId}/oauth2/v2.0/token", Assert.Single(_tokenEndpoint.Requests).Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    public async Task SendToConversationAsync_CertificateFile_SignsAClientAssertionInsteadOfASecret(string format)
    {
        var path = WriteCertificate(format);
        await using var host = await StartAsync(new()
        {
            ["Bot:AppType"] = "SingleTenant",
            ["Bot:TenantId"] = TenantId,
            ["Bot:CertificatePath"] = path,
            ["Bot:CertificatePassword"] = format == "pfx" ? "pfx-password" : null,
        });

        await Send(host);

        var body = Assert.Single(_tokenEndpoint.Requests).Body;
        Assert.Contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer", body, StringComparison.Ordinal);
        Assert.DoesNotContain("client_secret", body, StringComparison.Ordinal);
        Assert.Equal("Bearer msal-token-1", Assert.Single(host.Connector.Requests).Authorization);
    }

    [Fact]
    public async Task SendToConversationAsync_UserAssignedManagedIdentity_AsksImdsForTheBotFrameworkResourceOnce()
    {
        await using var host = await StartAsync(new() { ["Bot:AppType"] = "UserAssignedMSI", ["Bot:ManagedIdentityClientId"] = "33333333-3333-3333-3333-333333333333" });

        await Send(host);
        await Send(host);

        var uri = Assert.Single(_tokenEndpoint.Requests).Uri;
        Assert.Equal("169.254.169.254", uri.Host);
        Assert.Contains("resource=https://api.botframework.com&", uri.OriginalString, StringComparison.Ordinal);
        Assert.Contains("client_id=33333333-3333-3333-3333-333333333333", uri.OriginalString, StringComparison.Ordinal);
        Assert.All(host.Connector.Requests, r => Assert.Equal("Bearer msal-token-1", r.Authorization));
    }

    [Fact]
    public async Task SendToConversationAsync_UserAssignedManagedIdentityWithoutClientId_UsesTheAppId()
    {
        await using var host = await StartAsync(new() { ["Bot:AppType"] = "UserAssignedMSI" });

        await Send(host);

        Assert.Contains($"client_id={AppId}", Assert.Single(_tokenEndpoint.Requests).Uri.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversationAsync_TokenRefused_FailsAsUnauthorizedAndSendsNothing()
    {
        _tokenEndpoint.Status = System.Net.HttpStatusCode.Unauthorized;
        await using var host = await StartAsync(new() { ["Bot:AppType"] = "SingleTenant", ["Bot:TenantId"] = TenantId, ["Bot:ClientSecret"] = "wrong" });

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Send(host));

        Assert.Equal(ConnectorFailure.Unauthorized, failure.Failure);
        Assert.Equal("invalid_client", failure.ErrorCode);
        Assert.Empty(host.Connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_NoAppId_SendsNoAuthorizationAndNeverAsksForAToken()
    {
        await using var host = await ConnectorTestHost.StartAsync(configure: FakeTokenHttp, useRealTokenProvider: true);

        await Send(host);

        Assert.Null(Assert.Single(host.Connector.Requests).Authorization);
        Assert.Empty(_tokenEndpoint.Requests);
        Assert.IsType<AnonymousBotAccessTokenProvider>(host.Services.GetRequiredService<IBotAccessTokenProvider>());
    }

    public void Dispose()
    {
        _tokenEndpoint.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<ConnectorTestHost> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Bot:AppId"] = AppId;
        return ConnectorTestHost.StartAsync(settings, FakeTokenHttp, useRealTokenProvider: true);
    }

    private void FakeTokenHttp(IServiceCollection services) =>
        services.AddHttpClient(MsalHttpClientFactory.ClientName).ConfigurePrimaryHttpMessageHandler(() => _tokenEndpoint);

    private static Task<ResourceResponse> Send(ConnectorTestHost host) =>
        host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None);

    private string WriteCertificate(string format)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=connectoo-test-bot", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_directory, $"bot.{format}");
        if (format == "pfx")
        {
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }
        else
        {
            File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        }

        return path;
    }
}
