using System.Security.Cryptography;
using System.Text;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// OB 3.0 §B.7 IdentityHash: "an algorithm identifier, a $ separator, and a hash across an identifier and an optionally
/// appended salt string", SHA-256 in lowercase hex over the UTF-8 bytes.
/// </summary>
public static class IdentityHash
{
    public static string Sha256(string identifier, string salt) =>
        "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identifier + salt)));

    /// <summary>A fresh random salt (128 bits, hex).</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
