namespace ConnectooBot.Protocol.Connector;

/// <summary>One allow-list entry: an exact host name, or <c>*.domain</c> for any subdomain of domain.</summary>
internal static class ServiceHostPattern
{
    public static bool IsValid(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return host.Length > 0 && !host.Contains('*', StringComparison.Ordinal) && Uri.CheckHostName(host) != UriHostNameType.Unknown;
    }

    /// <summary>Case-insensitive; <c>*.botframework.com</c> matches <c>europe.botframework.com</c> but not <c>evilbotframework.com</c>.</summary>
    public static bool Matches(string pattern, string host)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern[1..];
            return host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }
}
