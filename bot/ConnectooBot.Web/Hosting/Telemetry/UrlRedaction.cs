using System.Text;
using System.Text.RegularExpressions;

namespace ConnectooBot.Web.Hosting.Telemetry;

/// <summary>
/// Paths fit for telemetry: a segment that is a plain word ("v3", "conversations", "image.png") stays, anything else
/// (conversation ids, activity ids, badge ids, GUIDs, table keys) becomes <c>{id}</c>; a table entity address
/// <c>Learners(PartitionKey='…',RowKey='…')</c> keeps only <c>Learners(…)</c>. Query strings are dropped.
/// </summary>
public static partial class UrlRedaction
{
    public const string Placeholder = "{id}";

    public static string Path(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        var redacted = new StringBuilder(path.Length);
        foreach (var segment in path.Split('/'))
        {
            if (redacted.Length > 0 || segment.Length > 0)
            {
                redacted.Append('/');
            }

            redacted.Append(Segment(segment));
        }

        return redacted.Length == 0 ? "/" : redacted.ToString();
    }

    /// <summary>Scheme, host, port and redacted path; no user info, no query, no fragment.</summary>
    public static string? Full(Uri? uri) =>
        uri is null || !uri.IsAbsoluteUri ? null : $"{uri.Scheme}://{uri.Authority}{Path(uri.AbsolutePath)}";

    private static string Segment(string segment)
    {
        if (segment.Length == 0)
        {
            return segment;
        }

        var paren = segment.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? segment : segment[..paren];
        if (!Word().IsMatch(name))
        {
            return Placeholder;
        }

        return paren < 0 ? name : name + "(…)";
    }

    /// <summary>Letters, at most two trailing digits ("v3"), an optional short extension ("jwks.json").</summary>
    [GeneratedRegex(@"^[A-Za-z]{1,40}[0-9]{0,2}(\.[A-Za-z]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
