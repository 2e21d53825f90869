namespace ConnectooBot.Testing.Authentication;

/// <summary>What a test token says and how it is signed; every field can be bent to make a forged token.</summary>
public sealed class TokenSpec
{
    public required string Issuer { get; set; }

    public required string Audience { get; set; }

    public string? ServiceUrl { get; set; }

    public required DateTimeOffset NotBefore { get; set; }

    public required DateTimeOffset Expires { get; set; }

    /// <summary>The key id put in the header.</summary>
    public required string KeyId { get; set; }

    /// <summary>The key that signs: one of the issuer's keys, or <see cref="TestTokenIssuer.Rogue"/>.</summary>
    public required TestSigningKey SigningKey { get; set; }

    /// <summary>RS256 (normal), HS256 (signed with a shared secret) or none (unsigned).</summary>
    public string Algorithm { get; set; } = "RS256";
}
