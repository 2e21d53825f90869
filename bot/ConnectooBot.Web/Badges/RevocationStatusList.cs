using System.Buffers.Text;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// The issuer's revocation list as a W3C Bitstring Status List v1.0 credential, signed like the badges: bit i is 1
/// when the badge at status index i is revoked (bit 0 is the most significant bit of the first byte). The list is
/// rebuilt from the store on request, so a revocation is visible at once (up to HTTP caching).
/// </summary>
public sealed class RevocationStatusList(IBadgeStore store, BadgeUrls urls, CredentialSigner signer, TimeProvider time)
{
    public async Task<string> SignedCredentialAsync(CancellationToken cancellationToken)
    {
        var revoked = await store.ListRevokedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var subjectId = urls.RevocationList + "#list";
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(OpenBadgesTerms.CredentialsContext),
            ["id"] = urls.RevocationList,
            ["type"] = new JsonArray(OpenBadgesTerms.VerifiableCredential, OpenBadgesTerms.BitstringStatusListCredential),
            ["issuer"] = urls.Issuer,
            ["validFrom"] = CredentialBuilder.DateTimeZ(now),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = subjectId,
                ["type"] = OpenBadgesTerms.BitstringStatusList,
                ["statusPurpose"] = OpenBadgesTerms.RevocationPurpose,
                ["encodedList"] = Encode(revoked.Select(r => r.StatusIndex)),
            },
            ["iss"] = urls.Issuer,
            ["jti"] = urls.RevocationList,
            ["sub"] = subjectId,
            ["nbf"] = now.ToUnixTimeSeconds(),
        };
        return signer.Sign(credential);
    }

    /// <summary>"u" (multibase base64url) + base64url without padding of the GZIP-compressed bitstring.</summary>
    public static string Encode(IEnumerable<int> revokedIndexes)
    {
        ArgumentNullException.ThrowIfNull(revokedIndexes);
        var bits = new byte[CredentialBuilder.StatusListCapacity / 8];
        foreach (var index in revokedIndexes)
        {
            bits[index / 8] |= (byte)(0x80 >> (index % 8));
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bits);
        }

        return "u" + Base64Url.EncodeToString(compressed.ToArray());
    }

    /// <summary>Reads an encoded list back: true when the bit at <paramref name="index"/> is set.</summary>
    public static bool IsSet(string encodedList, int index)
    {
        ArgumentNullException.ThrowIfNull(encodedList);
        if (!encodedList.StartsWith('u'))
        {
            throw new FormatException("The encoded list is not multibase base64url ('u').");
        }

        using var gzip = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(encodedList.AsSpan(1))), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gzip.CopyTo(bits);
        var bytes = bits.GetBuffer();
        return index / 8 < bits.Length && (bytes[index / 8] & (0x80 >> (index % 8))) != 0;
    }
}
