using System.Globalization;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Badges;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// Builds the OpenBadgeCredential of an award as the JWT payload of OB 3.0 §8.2.4 "Create the JWT Payload" (VCDM 2.0
/// form: "The JWT Payload is the JSON object of the OpenBadgeCredential" plus the claims <c>iss</c> = issuer.id,
/// <c>jti</c> = id, <c>nbf</c> = validFrom, <c>sub</c> = credentialSubject.id; no <c>vc</c> wrapper, no <c>exp</c>
/// because the badge does not expire).
/// <para>
/// The learner appears as an <c>AchievementSubject</c> (§B.1.3) with a random <c>urn:uuid</c> id (unlinkable across
/// badges) and two <c>IdentityObject</c> identifiers (§B.1.12): their name in clear (identityType <c>name</c>), and their
/// Microsoft Entra object id only as a salted SHA-256 IdentityHash (identityType <c>systemId</c>), so it can be
/// confirmed by someone who already knows it, never read. Module scores are <c>Result</c>s (§B.1.16) of the Achievement's
/// Percent <c>ResultDescription</c>s. Status: a <c>BitstringStatusListEntry</c> (§9.1 step 4).
/// </para>
/// </summary>
public sealed class CredentialBuilder(BadgeTexts texts, BadgeUrls urls, BadgeDocuments documents)
{
    /// <summary>
    /// W3C Bitstring Status List v1.0: "a minimum of 131,072 entries" (16 KB) — the herd that hides which badge a
    /// verifier looks up. Indexes are drawn at random in this range.
    /// </summary>
    public const int StatusListCapacity = 131_072;

    public JsonObject Build(BadgeAward award, int statusIndex, Guid subjectId, string salt)
    {
        ArgumentNullException.ThrowIfNull(award);
        var language = award.Language;
        var credentialId = urls.Badge(award.BadgeId);
        var subject = "urn:uuid:" + subjectId.ToString("D");
        var validFrom = award.IssuedAt.ToUniversalTime();

        return new JsonObject
        {
            ["@context"] = new JsonArray(OpenBadgesTerms.CredentialsContext, OpenBadgesTerms.OpenBadgesContext),
            ["id"] = credentialId,
            ["type"] = new JsonArray(OpenBadgesTerms.VerifiableCredential, OpenBadgesTerms.OpenBadgeCredential),
            ["name"] = texts[language, "badge.credential.name"],
            ["issuer"] = documents.IssuerProfile(),
            ["validFrom"] = DateTimeZ(validFrom),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = subject,
                ["type"] = new JsonArray(OpenBadgesTerms.AchievementSubject),
                ["identifier"] = new JsonArray(
                    Identity("name", award.DisplayName, hashed: false, salt: null),
                    Identity("systemId", IdentityHash.Sha256(award.Learner.UserId.ToLowerInvariant(), salt), hashed: true, salt)),
                ["achievement"] = documents.Achievement(language, [.. award.ModuleScores.Select(s => s.ModuleId)], award.ContentVersion),
                ["result"] = new JsonArray(
                [
                    .. award.ModuleScores.Select(s => (JsonNode)new JsonObject
                    {
                        ["type"] = new JsonArray(OpenBadgesTerms.Result),
                        ["resultDescription"] = documents.ResultDescriptionId(language, s.ModuleId),
                        ["value"] = s.Percent.ToString(CultureInfo.InvariantCulture),
                    }),
                ]),
                ["image"] = new JsonObject
                {
                    ["id"] = urls.BakedImage(award.BadgeId),
                    ["type"] = OpenBadgesTerms.Image,
                    ["caption"] = texts[language, "badge.image.caption"],
                },
            },
            ["credentialStatus"] = new JsonObject
            {
                ["id"] = urls.RevocationList + "#" + statusIndex.ToString(CultureInfo.InvariantCulture),
                ["type"] = OpenBadgesTerms.BitstringStatusListEntry,
                ["statusPurpose"] = OpenBadgesTerms.RevocationPurpose,
                ["statusListIndex"] = statusIndex.ToString(CultureInfo.InvariantCulture),
                ["statusListCredential"] = urls.RevocationList,
            },
            ["iss"] = urls.Issuer,
            ["jti"] = credentialId,
            ["sub"] = subject,
            ["nbf"] = validFrom.ToUnixTimeSeconds(),
        };
    }

    /// <summary>OB 3.0 DateTimeZ, to the second: <c>2026-03-12T09:30:00Z</c>.</summary>
    public static string DateTimeZ(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Identity(string identityType, string identityHash, bool hashed, string? salt)
    {
        var identity = new JsonObject
        {
            ["type"] = OpenBadgesTerms.IdentityObject,
            ["identityHash"] = identityHash,
            ["identityType"] = identityType,
            ["hashed"] = hashed,
        };
        if (salt is not null)
        {
            identity["salt"] = salt;
        }

        return identity;
    }
}
