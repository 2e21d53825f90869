using System.Security.Claims;

namespace ConnectooBot.Protocol.Authentication;

/// <summary>Validates the <c>Authorization</c> header of an inbound <c>POST /api/messages</c> (teams-protocol.md §2.1).</summary>
public interface IBotRequestAuthenticator
{
    /// <summary>True when no app id is configured: local development only, as with the SDK.</summary>
    bool IsDisabled { get; }

    /// <summary>
    /// Checks scheme, signature (RS256, key from the OpenID metadata's JWKS, by kid, with rollover), issuer, audience,
    /// lifetime (5 min skew) and the signing key's endorsement for <paramref name="channelId"/>; no channel is a failure.
    /// The caller compares <see cref="AuthenticationOutcome.ServiceUrlClaim"/> with the activity's serviceUrl.
    /// </summary>
    Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, string? channelId, CancellationToken cancellationToken);
}

/// <summary>The result of authenticating one request. <see cref="FailureReason"/> is safe to log (never the token).</summary>
public sealed record AuthenticationOutcome(bool Succeeded, ClaimsIdentity? Identity, string? ServiceUrlClaim, string? FailureReason)
{
    public static AuthenticationOutcome Anonymous { get; } = new(true, new ClaimsIdentity(), null, null);

    public static AuthenticationOutcome Fail(string reason) => new(false, null, null, reason);
}
