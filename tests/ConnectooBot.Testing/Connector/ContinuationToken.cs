using System.Globalization;

namespace ConnectooBot.Testing.Connector;

/// <summary>Roster continuation tokens with characters ('+', '/', '=') that only survive when the client escapes them.</summary>
internal static class ContinuationToken
{
    private const string Prefix = "page+";
    private const string Suffix = "/==";

    public static string Write(int offset) => $"{Prefix}{offset.ToString(CultureInfo.InvariantCulture)}{Suffix}";

    public static bool TryRead(string token, out int offset)
    {
        offset = 0;
        return token.StartsWith(Prefix, StringComparison.Ordinal)
            && token.EndsWith(Suffix, StringComparison.Ordinal)
            && int.TryParse(token[Prefix.Length..^Suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
