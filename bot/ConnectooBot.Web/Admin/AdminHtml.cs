using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ConnectooBot.Web.Admin;

/// <summary>HTML encoding for the dashboard's pages: every text and value goes through it.</summary>
internal static class AdminHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string value) => Encoder.Encode(value);

    /// <summary>Security headers of every dashboard page: only the host's own scripts and styles, no framing, no cache.</summary>
    public static void SecureHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.Vary = "Accept-Language, Cookie";
    }

    /// <summary>Scripts and styles from this host only; no inline script or style, no connection, no frame.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}
