using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Ports;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// Verifies a badge credential in compact JWS form as OB 3.0 §9.1 describes, for this issuer: the signature against the
/// published key (§8.2.6), the JWT claims against the credential (§8.2.6.1: iss = issuer.id, sub = credentialSubject.id,
/// nbf = validFrom, jti = id), the credential's shape, its validity period, and its revocation status from the store.
/// </summary>
public sealed class BadgeVerifier(BadgeSigningKey key, BadgeUrls urls, IBadgeStore store, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<BadgeVerification> VerifyAsync(string compactJws, CancellationToken cancellationToken)
    {
        compactJws = compactJws?.Trim() ?? string.Empty;
        if (!Handler.CanReadToken(compactJws))
        {
            return Invalid(InvalidCodes.Malformed, "Not a compact JWS.");
        }

        var result = await Handler.ValidateTokenAsync(compactJws, new TokenValidationParameters
        {
            IssuerSigningKey = key.PublicKey,
            ValidIssuer = urls.Issuer,
            ValidateAudience = false,
            ValidateLifetime = false, // checked below against validFrom/validUntil with the injected clock
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidAlgorithms = [key.Algorithm],
        });
        if (!result.IsValid)
        {
            return result.Exception switch
            {
                SecurityTokenInvalidIssuerException => Invalid(InvalidCodes.Issuer, "The credential names another issuer."),
                SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidAlgorithmException
                    => Invalid(InvalidCodes.Signature, "The signature does not match the issuer's published key."),
                _ => Invalid(InvalidCodes.Malformed, "The token cannot be read as a signed credential."),
            };
        }

        var token = (JsonWebToken)result.SecurityToken;
        JsonObject? credential;
        try
        {
            credential = JsonNode.Parse(Base64Url.DecodeFromChars(token.EncodedPayload)) as JsonObject;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            credential = null;
        }

        if (credential is null)
        {
            return Invalid(InvalidCodes.Malformed, "The payload is not a JSON object.");
        }

        if (StructureProblem(credential) is { } problem)
        {
            return Invalid(InvalidCodes.Structure, problem);
        }

        var now = time.GetUtcNow();
        var validFrom = DateTimeOffset.Parse(Text(credential["validFrom"])!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        if (validFrom > now + ClockSkew)
        {
            return Invalid(InvalidCodes.NotYetValid, "The credential is not valid yet.");
        }

        if (Text(credential["validUntil"]) is { } until
            && DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var validUntil)
            && validUntil < now - ClockSkew)
        {
            return Invalid(InvalidCodes.Expired, "The credential has expired.");
        }

        return await StatusAsync(credential, cancellationToken);
    }

    private async Task<BadgeVerification> StatusAsync(JsonObject credential, CancellationToken cancellationToken)
    {
        var status = credential["credentialStatus"] as JsonObject;
        if (Text(status?["type"]) != OpenBadgesTerms.BitstringStatusListEntry
            || Text(status?["statusPurpose"]) != OpenBadgesTerms.RevocationPurpose
            || Text(status?["statusListCredential"]) != urls.RevocationList
            || !int.TryParse(Text(status?["statusListIndex"]), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= CredentialBuilder.StatusListCapacity)
        {
            return Invalid(InvalidCodes.Status, "The credential has no usable entry in the issuer's revocation list.");
        }

        var badgeId = urls.BadgeIdOf(Text(credential["id"]));
        var record = badgeId is null ? null : await store.FindAsync(badgeId, cancellationToken);
        if (record is not null)
        {
            return record.StatusIndex != index
                ? Invalid(InvalidCodes.Status, "The revocation list entry does not match the issuer's records.")
                : record.Revocation is { } revocation
                    ? new BadgeVerification.Revoked(record.BadgeId, revocation.Reason, revocation.RevokedAt)
                    : new BadgeVerification.Valid(record.BadgeId);
        }

        var revoked = (await store.ListRevokedAsync(cancellationToken)).FirstOrDefault(r => r.StatusIndex == index);
        return revoked is not null
            ? new BadgeVerification.Revoked(badgeId, revoked.Revocation.Reason, revoked.Revocation.RevokedAt)
            : Invalid(InvalidCodes.Unknown, "The issuer has no record of this badge.");
    }

    /// <summary>OB 3.0 §B.1.2/§B.1.3 essentials and the §8.2.6.1 claim checks; null when all hold.</summary>
    private static string? StructureProblem(JsonObject credential)
    {
        var context = credential["@context"] as JsonArray;
        if (context is not { Count: >= 2 } || Text(context[0]) != OpenBadgesTerms.CredentialsContext || Text(context[1]) != OpenBadgesTerms.OpenBadgesContext)
        {
            return "@context must start with the VC 2.0 and Open Badges 3.0 contexts.";
        }

        var types = Types(credential["type"]);
        if (!types.Contains(OpenBadgesTerms.VerifiableCredential)
            || !(types.Contains(OpenBadgesTerms.OpenBadgeCredential) || types.Contains(OpenBadgesTerms.AchievementCredential)))
        {
            return "type must include VerifiableCredential and OpenBadgeCredential.";
        }

        var issuer = credential["issuer"];
        var issuerId = issuer is JsonObject profile ? Text(profile["id"]) : Text(issuer);
        if (issuerId is null || issuerId != Text(credential["iss"]))
        {
            return "iss must equal issuer.id.";
        }

        if (Text(credential["id"]) is not { } id || id != Text(credential["jti"]))
        {
            return "jti must equal id.";
        }

        if (credential["credentialSubject"] is not JsonObject subject || !Types(subject["type"]).Contains(OpenBadgesTerms.AchievementSubject))
        {
            return "credentialSubject must be an AchievementSubject.";
        }

        if (Text(subject["id"]) is not { } subjectId || subjectId != Text(credential["sub"]))
        {
            return "sub must equal credentialSubject.id.";
        }

        if (subject["achievement"] is not JsonObject achievement
            || !Types(achievement["type"]).Contains(OpenBadgesTerms.Achievement)
            || Text(achievement["id"]) is null
            || Text(achievement["name"]) is null
            || Text(achievement["description"]) is null
            || achievement["criteria"] is not JsonObject)
        {
            return "credentialSubject.achievement must be an Achievement with id, name, description and criteria.";
        }

        if (Text(credential["validFrom"]) is not { } validFromText
            || !DateTimeOffset.TryParse(validFromText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var validFrom)
            || credential["nbf"] is not JsonValue nbf
            || !nbf.TryGetValue<long>(out var notBefore)
            || validFrom.ToUnixTimeSeconds() != notBefore)
        {
            return "nbf must equal validFrom.";
        }

        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static List<string> Types(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(Text).OfType<string>()],
        JsonValue => Text(node) is { } single ? [single] : [],
        _ => [],
    };

    private static BadgeVerification.Invalid Invalid(string code, string detail) => new(code, detail);
}
