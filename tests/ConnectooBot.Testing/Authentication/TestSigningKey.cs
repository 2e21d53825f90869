using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ConnectooBot.Testing.Authentication;

/// <summary>An RSA key of the test issuer, with the channels its JWKS entry endorses.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string keyId, params string[] endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    /// <summary>The public part as a JWK (what the JWKS serves).</summary>
    public JsonWebKey PublicJwk()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = KeyId });
        jwk.Use = "sig";
        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
