using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// Connector tokens from MSAL (teams-protocol.md §3.1): client credentials with a secret or certificate against the
/// home tenant (SingleTenant) or <c>botframework.com</c> (MultiTenant), or a user-assigned managed identity.
/// Registered as a singleton: ONE MSAL application per process, whose in-memory cache serves the token until
/// shortly before it expires. Acquisitions are serialised so a cold start makes one token request, not one per send.
/// </summary>
public sealed class MsalBotAccessTokenProvider : IBotAccessTokenProvider, IDisposable
{
    private readonly Func<CancellationToken, Task<AuthenticationResult>> _acquire;
    private readonly BotAppType _appType;
    private readonly X509Certificate2? _certificate;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger<MsalBotAccessTokenProvider> _logger;

    public MsalBotAccessTokenProvider(
        IOptions<BotCredentialOptions> credentials,
        IOptions<ConnectorOptions> connector,
        IMsalHttpClientFactory httpClientFactory,
        ILogger<MsalBotAccessTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(connector);
        var settings = credentials.Value;
        var scope = connector.Value.Scope;
        _logger = logger;
        _appType = settings.AppType ?? throw new InvalidOperationException("Bot:AppType is required with Bot:AppId.");
        if (_appType == BotAppType.UserAssignedMSI)
        {
            var identity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(settings.EffectiveManagedIdentityClientId))
                .WithHttpClientFactory(httpClientFactory)
                .Build();
            var resource = ResourceOf(scope);
            _acquire = ct => identity.AcquireTokenForManagedIdentity(resource).ExecuteAsync(ct);
            return;
        }

        var tenant = _appType == BotAppType.SingleTenant ? settings.TenantId : "botframework.com";
        var authority = new Uri(connector.Value.AuthorityHost, tenant);
        var builder = ConfidentialClientApplicationBuilder.Create(settings.AppId)
            // The authority comes from our own configuration, so instance discovery (a network call) adds nothing.
            .WithAuthority(authority.AbsoluteUri)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(httpClientFactory);
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            _certificate = BotCertificateLoader.Load(settings.CertificatePath, settings.CertificatePassword);
            builder = builder.WithCertificate(_certificate);
        }
        else
        {
            builder = builder.WithClientSecret(settings.ClientSecret);
        }

        var application = builder.Build();
        string[] scopes = [scope];
        _acquire = ct => application.AcquireTokenForClient(scopes).ExecuteAsync(ct);
    }

    public async ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await _acquire(cancellationToken).ConfigureAwait(false);
            if (result.AuthenticationResultMetadata.TokenSource != TokenSource.Cache)
            {
                Log.ConnectorTokenAcquired(_logger, _appType, result.AuthenticationResultMetadata.TokenSource, result.ExpiresOn);
            }

            return result.AccessToken;
        }
        catch (MsalException exception)
        {
            Log.ConnectorTokenFailed(_logger, _appType, exception.ErrorCode, exception);
            var transient = exception is MsalServiceException { StatusCode: 429 or >= 500 };
            throw new ConnectorException(
                transient ? ConnectorFailure.ServiceError : ConnectorFailure.Unauthorized,
                null,
                exception.ErrorCode,
                $"Could not acquire a connector token ({_appType}): {exception.ErrorCode}.",
                innerException: exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _certificate?.Dispose();
    }

    /// <summary>Managed identity asks for a resource: the scope without <c>/.default</c>.</summary>
    private static string ResourceOf(string scope) =>
        scope.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? scope[..^"/.default".Length] : scope;
}
