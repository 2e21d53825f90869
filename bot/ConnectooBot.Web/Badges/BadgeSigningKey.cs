using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// The issuer's key pair: the private half signs credentials (ES256 for EC P-256, RS256 for RSA), the public half is
/// published as a JWK. Its key id is a URL that dereferences to that JWK (Open Badges 3.0 §8.2.3, "kid … A URI that
/// can be dereferenced to an object of type JWK"), ending in the key's RFC 7638 thumbprint.
/// </summary>
public sealed class BadgeSigningKey : IDisposable
{
    private const string P256Oid = "1.2.840.10045.3.1.7";
    private static readonly string[] PrivateKeyLabels = ["PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY"];

    private readonly AsymmetricAlgorithm _private;
    private readonly AsymmetricAlgorithm _public;

    private BadgeSigningKey(AsymmetricAlgorithm privateKey, AsymmetricAlgorithm publicKey, string algorithm, BadgeUrls urls)
    {
        _private = privateKey;
        _public = publicKey;
        Algorithm = algorithm;
        SecurityKey publicSecurityKey = publicKey is ECDsa ec ? new ECDsaSecurityKey(ec) : new RsaSecurityKey((RSA)publicKey);
        var jwk = publicKey is ECDsa
            ? JsonWebKeyConverter.ConvertFromECDsaSecurityKey((ECDsaSecurityKey)publicSecurityKey)
            : JsonWebKeyConverter.ConvertFromRSASecurityKey((RsaSecurityKey)publicSecurityKey);
        Thumbprint = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
        KeyId = urls.Key(Thumbprint);
        jwk.Kid = KeyId;
        jwk.Alg = algorithm;
        jwk.Use = JsonWebKeyUseNames.Sig;
        PublicJwk = jwk;
        publicSecurityKey.KeyId = KeyId;

        // IdentityModel's shared factory caches providers by key id across instances; a cached provider would outlive
        // this key's disposal (a host restart in the same process, a reloaded key) and fail with ObjectDisposedException.
        publicSecurityKey.CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false };
        PublicKey = publicSecurityKey;
        SecurityKey signingKey = privateKey is ECDsa ecPrivate ? new ECDsaSecurityKey(ecPrivate) : new RsaSecurityKey((RSA)privateKey);
        signingKey.KeyId = KeyId;
        signingKey.CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false };
        SigningCredentials = new SigningCredentials(signingKey, algorithm);
    }

    /// <summary>ES256 or RS256.</summary>
    public string Algorithm { get; }

    /// <summary>base64url SHA-256 JWK thumbprint of the public key (RFC 7638).</summary>
    public string Thumbprint { get; }

    /// <summary>The URL of the public JWK; also the JOSE <c>kid</c> of every credential signed with this key.</summary>
    public string KeyId { get; }

    /// <summary>The public key only (no <c>d</c>, <c>p</c>, <c>q</c>…), as published in the JWKS.</summary>
    public JsonWebKey PublicJwk { get; }

    public SecurityKey PublicKey { get; }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>
    /// The public JWK as published: only the members of RFC 7517/7518 for a public key (kty, use, alg, kid, and crv/x/y
    /// or n/e), built explicitly so a private member can never slip out.
    /// </summary>
    public JsonObject PublicJwkJson()
    {
        var json = new JsonObject
        {
            ["kty"] = PublicJwk.Kty,
            ["use"] = PublicJwk.Use,
            ["alg"] = PublicJwk.Alg,
            ["kid"] = PublicJwk.Kid,
        };
        if (PublicJwk.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve)
        {
            json["crv"] = PublicJwk.Crv;
            json["x"] = PublicJwk.X;
            json["y"] = PublicJwk.Y;
        }
        else
        {
            json["n"] = PublicJwk.N;
            json["e"] = PublicJwk.E;
        }

        return json;
    }

    /// <summary>Reads a private key PEM; throws <see cref="InvalidOperationException"/> with the reason when it is not usable.</summary>
    public static BadgeSigningKey FromPem(string pem, BadgeUrls urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var (privateKey, problem) = Read(pem);
        if (privateKey is null)
        {
            throw new InvalidOperationException("The badge signing key cannot be used: " + problem);
        }

        return privateKey is ECDsa ec
            ? new BadgeSigningKey(ec, ECDsa.Create(ec.ExportParameters(includePrivateParameters: false)), SecurityAlgorithms.EcdsaSha256, urls)
            : new BadgeSigningKey(privateKey, RSA.Create(((RSA)privateKey).ExportParameters(includePrivateParameters: false)), SecurityAlgorithms.RsaSha256, urls);
    }

    /// <summary>Null when the PEM holds a usable private key; otherwise why not.</summary>
    public static string? Describe(string pem)
    {
        var (key, problem) = Read(pem);
        key?.Dispose();
        return problem;
    }

    /// <summary>A new EC P-256 private key as PKCS#8 PEM.</summary>
    public static string GeneratePem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    public void Dispose()
    {
        _private.Dispose();
        _public.Dispose();
    }

    private static (AsymmetricAlgorithm? Key, string? Problem) Read(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || !PrivateKeyLabels.Contains(pem[fields.Label].ToString()))
        {
            return (null, "not a PEM private key (expected '-----BEGIN PRIVATE KEY-----', PKCS#8).");
        }

        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            if (ec.ExportParameters(false).Curve.Oid.Value != P256Oid)
            {
                ec.Dispose();
                return (null, "an EC key must be on the P-256 curve (ES256).");
            }

            return (ec, null);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            ec.Dispose();
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < 2048)
            {
                rsa.Dispose();
                return (null, "an RSA key must have at least 2048 bits (RS256).");
            }

            return (rsa, null);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            rsa.Dispose();
            return (null, "the PEM is neither an EC P-256 nor an RSA private key.");
        }
    }
}
