namespace ConnectooBot.Web.Badges;

/// <summary>
/// Terms of Open Badges 3.0 (1EdTech, Final 1.2+) and of the W3C Verifiable Credentials Data Model 2.0 used here.
/// OB 3.0 §B.1.2: "@context … MUST be an ordered set where the first item is … 'https://www.w3.org/ns/credentials/v2',
/// and the second item is … 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'".
/// </summary>
public static class OpenBadgesTerms
{
    public const string CredentialsContext = "https://www.w3.org/ns/credentials/v2";
    public const string OpenBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    public const string VerifiableCredential = "VerifiableCredential";
    public const string OpenBadgeCredential = "OpenBadgeCredential";

    /// <summary>OB 3.0 §B.1.2: 'AchievementCredential' is an alias a verifier must accept.</summary>
    public const string AchievementCredential = "AchievementCredential";

    public const string Profile = "Profile";
    public const string Achievement = "Achievement";
    public const string AchievementSubject = "AchievementSubject";
    public const string IdentityObject = "IdentityObject";
    public const string Image = "Image";
    public const string Related = "Related";
    public const string Result = "Result";
    public const string ResultDescription = "ResultDescription";

    /// <summary>OB 3.0 §9.1 step 4 and W3C Bitstring Status List v1.0 (OB 3.0 1.3 deprecated 1EdTechRevocationList for it).</summary>
    public const string BitstringStatusListEntry = "BitstringStatusListEntry";
    public const string BitstringStatusListCredential = "BitstringStatusListCredential";
    public const string BitstringStatusList = "BitstringStatusList";
    public const string RevocationPurpose = "revocation";

    /// <summary>OB 3.0 §5.2 "Web Resource": a VC-JWT is served as the compact JWS with Content-Type text/plain.</summary>
    public const string CompactJwsMediaType = "text/plain";

    /// <summary>W3C VC-JOSE-COSE media type for a VCDM 2.0 credential secured as a JWT (the status list).</summary>
    public const string VcJwtMediaType = "application/vc+jwt";

    public const string JsonLdMediaType = "application/ld+json";

    /// <summary>PNG baking keyword, OB 3.0 §5.3.1.1.</summary>
    public const string PngKeyword = "openbadgecredential";
}
