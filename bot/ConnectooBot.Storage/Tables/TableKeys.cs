using System.Buffers.Text;
using System.Text;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Table keys may not contain <c>/ \ # ?</c> or control characters; Teams ids contain <c>: @ ;</c> and worse.
/// Free-form ids are stored base64url-encoded (reversible, key-safe); GUIDs are stored as they are.
/// </summary>
public static class TableKeys
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(value));
    }

    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(key));
    }

    /// <summary>A tenant or Entra object id: kept readable when it is a GUID, encoded otherwise.</summary>
    public static string Id(string value) => Guid.TryParse(value, out var guid) ? guid.ToString("D") : "~" + Encode(value);
}
