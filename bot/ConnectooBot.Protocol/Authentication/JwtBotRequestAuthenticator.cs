using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ConnectooBot.Protocol.Authentication;

/// <summary>
/// Validates the Bot Connector's bearer token (teams-protocol.md §2.1) in a fixed order: scheme → algorithm (RS256 only,
/// before any signature work) → signature with a key from the issuer's JWKS, by kid (an unknown kid fetches the keys
/// again, rate-limited, never behind a lock) → issuer → audience → lifetime (5-minute skew) → the signing key's
/// endorsement for the activity's channel, which must be named: a token is never accepted without that check.
/// The <c>serviceurl</c> claim is returned for the endpoint to compare with the activity.
/// </summary>
public sealed class JwtBotRequestAuthenticator(IOptions<BotAuthenticationOptions> options, SigningKeys keys) : IBotRequestAuthenticator
{
    private const string AllowedAlgorithm = SecurityAlgorithms.RsaSha256;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public bool IsDisabled => false;

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, string? channelId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return AuthenticationOutcome.Fail("no Authorization header");
        }

        var parts = authorizationHeader.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Fail("not a Bearer token");
        }

        var token = parts[1].Trim();
        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException or FormatException)
        {
            return AuthenticationOutcome.Fail("not a readable JWT");
        }

        if (!string.Equals(jwt.Alg, AllowedAlgorithm, StringComparison.Ordinal))
        {
            return AuthenticationOutcome.Fail($"algorithm '{jwt.Alg}' is not allowed");
        }

        var configuration = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (!configuration.SigningKeys.Any(k => k.KeyId == jwt.Kid))
        {
            configuration = await keys.RefetchForUnknownKeyAsync(jwt.Kid, cancellationToken).ConfigureAwait(false) ?? configuration;
        }

        var result = await _handler.ValidateTokenAsync(jwt, Parameters(configuration)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AuthenticationOutcome.Fail(Describe(result.Exception));
        }

        if (string.IsNullOrWhiteSpace(channelId))
        {
            return AuthenticationOutcome.Fail("no channel named, so the signing key's endorsement cannot be checked");
        }

        if (!SigningKeys.EndorsementsOf(configuration, jwt.Kid).Contains(channelId, StringComparer.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Fail($"the signing key is not endorsed for channel '{channelId}'");
        }

        var serviceUrl = result.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        return new AuthenticationOutcome(true, result.ClaimsIdentity, serviceUrl, null);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration)
    {
        var settings = options.Value;
        return new TokenValidationParameters
        {
            ValidIssuers = settings.EffectiveIssuers,
            ValidAudiences = [settings.AppId!, .. settings.AdditionalAppIds],
            ValidAlgorithms = [AllowedAlgorithm],
            IssuerSigningKeys = configuration.SigningKeys,
            ClockSkew = settings.ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
        };
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidIssuerException => "the issuer is not accepted",
        SecurityTokenInvalidAudienceException => "the audience is not this bot",
        SecurityTokenSignatureKeyNotFoundException => "the signing key is unknown",
        SecurityTokenInvalidSignatureException => "the signature is invalid",
        SecurityTokenInvalidAlgorithmException => "the algorithm is not allowed",
        SecurityTokenNoExpirationException => "the token has no expiry",
        null => "the token is invalid",
        _ => "the token is invalid (" + exception.GetType().Name + ")",
    };
}
