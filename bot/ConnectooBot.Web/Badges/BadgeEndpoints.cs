using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Ports;
using Microsoft.IdentityModel.JsonWebTokens;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// The issuer's public, stable URLs under <c>/badges</c>: the issuer Profile, the Achievement, the key (JWKS and the
/// JWK each credential's <c>kid</c> points at; the JWKS also at <c>/.well-known/jwks.json</c>, where OB 3.0 verifiers
/// look for it), the revocation list, the plain image, and per badge its page, its credential (compact JWS, decoded
/// JSON, and a <c>.jwt</c> file to download for a wallet), its verification result and its baked image. All GET, no
/// authentication: anyone holding a badge link may check it.
/// </summary>
internal static class BadgeEndpoints
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // served as JSON with nosniff, never inside HTML
    };

    /// <summary>RFC 7517 §8.5: the media type of a JWK Set.</summary>
    private const string JwkSetMediaType = "application/jwk-set+json";

    internal static IEndpointRouteBuilder MapBadgeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var badges = endpoints.MapGroup(BadgeUrls.Root);
        badges.AddEndpointFilter(SecurityHeadersAsync);
        endpoints.MapGet(BadgeUrls.WellKnownJwksPath, (BadgeSigningKey key) => Json(KeySet(key), JwkSetMediaType)).AddEndpointFilter(SecurityHeadersAsync);

        badges.MapGet("/issuer", (BadgeDocuments documents) => Json(documents.IssuerProfileDocument(), OpenBadgesTerms.JsonLdMediaType));
        badges.MapGet("/achievement", (HttpContext http, BadgeDocuments documents) =>
        {
            http.Response.Headers.Vary = "Accept-Language";
            return Json(documents.AchievementDocument(RequestLanguage.Choose(http.Request)), OpenBadgesTerms.JsonLdMediaType);
        });
        badges.MapGet("/achievement/{language}", (string language, BadgeDocuments documents) =>
            Languages.IsSupported(language) ? Json(documents.AchievementDocument(language), OpenBadgesTerms.JsonLdMediaType) : Results.NotFound());
        badges.MapGet("/jwks.json", (BadgeSigningKey key) => Json(KeySet(key), "application/json"));
        badges.MapGet("/keys/{thumbprint}", (string thumbprint, BadgeSigningKey key) =>
            thumbprint == key.Thumbprint ? Json(key.PublicJwkJson(), "application/json") : Results.NotFound());
        badges.MapGet("/image.png", (BadgeImage image) => Results.File(image.Png, "image/png"));
        badges.MapGet("/status/revocation", async (HttpContext http, RevocationStatusList list, CancellationToken cancellationToken) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(await list.SignedCredentialAsync(cancellationToken), OpenBadgesTerms.VcJwtMediaType);
        });

        badges.MapGet("/{badgeId}", PageAsync);
        badges.MapGet("/{badgeId}/credential", async (string badgeId, IBadgeStore store, CancellationToken cancellationToken) =>
            await FindAsync(store, badgeId, cancellationToken) is { } record
                ? Results.Text(record.Credential, OpenBadgesTerms.CompactJwsMediaType)
                : Results.NotFound());
        badges.MapGet("/{badgeId}/credential.json", async (string badgeId, IBadgeStore store, CancellationToken cancellationToken) =>
            await FindAsync(store, badgeId, cancellationToken) is { } record
                ? Json(Payload(record.Credential), OpenBadgesTerms.JsonLdMediaType)
                : Results.NotFound());
        badges.MapGet("/{badgeId}/credential.jwt", async (string badgeId, IBadgeStore store, CancellationToken cancellationToken) =>
            await FindAsync(store, badgeId, cancellationToken) is { } record
                ? Results.File(Encoding.ASCII.GetBytes(record.Credential), OpenBadgesTerms.VcJwtMediaType, $"connectoo-badge-{record.BadgeId}.jwt")
                : Results.NotFound());
        badges.MapGet("/{badgeId}/verify", VerifyAsync);
        badges.MapGet("/{badgeId}/image.png", async (string badgeId, IBadgeStore store, BadgeImage image, CancellationToken cancellationToken) =>
            await FindAsync(store, badgeId, cancellationToken) is { } record
                ? Results.File(image.Baked(record.Credential), "image/png", $"connectoo-badge-{record.BadgeId}.png")
                : Results.NotFound());
        return endpoints;
    }

    private static async Task<IResult> PageAsync(
        string badgeId,
        HttpContext http,
        IBadgeStore store,
        BadgeVerifier verifier,
        BadgePage page,
        BadgeUrls urls,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Choose(http.Request);
        http.Response.Headers.Vary = "Accept-Language";
        http.Response.Headers.CacheControl = "no-cache";
        if (await FindAsync(store, badgeId, cancellationToken) is not { } record)
        {
            return Results.Content(page.NotFound(language, urls.Badge(Uri.EscapeDataString(badgeId))), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var verification = await verifier.VerifyAsync(record.Credential, cancellationToken);
        return Results.Content(page.Render(record, verification, language), "text/html; charset=utf-8");
    }

    private static async Task<IResult> VerifyAsync(
        string badgeId,
        HttpContext http,
        IBadgeStore store,
        BadgeVerifier verifier,
        BadgeUrls urls,
        TimeProvider time,
        ILogger<BadgeVerifier> logger,
        CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-cache";
        if (await FindAsync(store, badgeId, cancellationToken) is not { } record)
        {
            return Results.NotFound();
        }

        var result = new JsonObject
        {
            ["badge"] = urls.Badge(record.BadgeId),
            ["credential"] = urls.Credential(record.BadgeId),
            ["checkedAt"] = CredentialBuilder.DateTimeZ(time.GetUtcNow()),
        };
        switch (await verifier.VerifyAsync(record.Credential, cancellationToken))
        {
            case BadgeVerification.Valid:
                result["status"] = "valid";
                break;
            case BadgeVerification.Revoked revoked:
                result["status"] = "revoked";
                result["revokedAt"] = CredentialBuilder.DateTimeZ(revoked.RevokedAt);
                result["reason"] = revoked.Reason;
                break;
            case BadgeVerification.Invalid invalid:
                Log.BadgeDoesNotVerify(logger, record.BadgeId, invalid.Code);
                result["status"] = "invalid";
                result["code"] = invalid.Code;
                result["detail"] = invalid.Detail;
                break;
        }

        return Json(result, "application/json");
    }

    private static async ValueTask<object?> SecurityHeadersAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        return await next(context);
    }

    private static JsonObject KeySet(BadgeSigningKey key) => new() { ["keys"] = new JsonArray(key.PublicJwkJson()) };

    private static Task<BadgeRecord?> FindAsync(IBadgeStore store, string badgeId, CancellationToken cancellationToken) =>
        BadgeAward.IsWellFormedBadgeId(badgeId) ? store.FindAsync(badgeId, cancellationToken) : Task.FromResult<BadgeRecord?>(null);

    /// <summary>The credential inside a compact JWS (its payload), for people and tools that want to read it.</summary>
    private static JsonNode Payload(string compactJws) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(new JsonWebToken(compactJws).EncodedPayload))!;

    private static IResult Json(JsonNode document, string contentType) =>
        Results.Text(document.ToJsonString(Readable), contentType + "; charset=utf-8");
}
