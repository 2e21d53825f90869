using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// Short-lived signed tokens for links the bot hands out (a team's CSV, a learner's data export): a purpose, a few
/// fields and an expiry, with an HMAC keyed by the <see cref="ILinkTokenKey"/> (derived from the badge signing key) — so every instance of
/// the bot checks the tokens of every other without a new secret, and a token for one purpose is useless for another.
/// </summary>
internal sealed class SignedTokens(ILinkTokenKey key, TimeProvider time)
{
    private readonly byte[] _key = key.Derive();

    public string Create(string purpose, TimeSpan lifetime, params string[] fields)
    {
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = Base64UrlEncoder.Encode(string.Join('\n', [purpose, expires, .. fields]));
        return $"{payload}.{Sign(payload)}";
    }

    /// <summary>The fields, when the signature is right, the purpose matches and the token has not expired; otherwise null.</summary>
    public IReadOnlyList<string>? Read(string purpose, string? token)
    {
        if (token?.Split('.') is not [var payload, var signature]
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(payload)), Encoding.ASCII.GetBytes(signature)))
        {
            return null;
        }

        string text;
        try
        {
            text = Base64UrlEncoder.Decode(payload);
        }
        catch (FormatException)
        {
            return null;
        }

        return text.Split('\n') is [var tokenPurpose, var expires, .. var fields]
            && tokenPurpose == purpose
            && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            && time.GetUtcNow().ToUnixTimeSeconds() < unix
                ? fields
                : null;
    }

    private string Sign(string payload) => Base64UrlEncoder.Encode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));
}
