using System.Security.Cryptography;
using System.Text;
using ConnectooBot.Web.Turns;
using Microsoft.IdentityModel.Tokens;

namespace ConnectooBot.Web.Badges;

/// <summary>The link-token key, derived (HKDF) from the badge signing key: a token for a link is not a badge signature.</summary>
internal sealed class BadgeLinkTokenKey(BadgeSigningKey signingKey) : ILinkTokenKey
{
    public byte[] Derive()
    {
        var secret = signingKey.SigningCredentials.Key switch
        {
            ECDsaSecurityKey ec => ec.ECDsa.ExportPkcs8PrivateKey(),
            RsaSecurityKey rsa => rsa.Rsa.ExportPkcs8PrivateKey(),
            _ => throw new InvalidOperationException("The badge signing key cannot derive link tokens."),
        };
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("connectoo/link-tokens/v1"));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
