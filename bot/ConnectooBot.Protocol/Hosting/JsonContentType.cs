using System.Net.Http.Headers;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>
/// What an activity's <c>Content-Type</c> must say: <c>application/json</c> (the media type in any case), with no
/// charset or UTF-8 (RFC 8259: JSON exchanged between systems is UTF-8). Anything else is answered 415.
/// </summary>
internal static class JsonContentType
{
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !string.Equals(parsed.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = parsed.CharSet?.Trim('"');
        return string.IsNullOrEmpty(charset) || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase);
    }
}
