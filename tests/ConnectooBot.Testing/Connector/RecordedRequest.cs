using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Testing.Connector;

/// <summary>One request the <see cref="RecordingConnector"/> received, and the status it answered.</summary>
/// <param name="Method">GET, POST, PUT or DELETE.</param>
/// <param name="Path">The decoded path after the serviceUrl's own path, e.g. <c>/v3/conversations/a:1/activities</c>.</param>
/// <param name="RawTarget">The request target exactly as sent, escaping included, e.g. <c>/teams/v3/conversations/a%3A1/activities</c>.</param>
/// <param name="Query">The decoded query parameters.</param>
/// <param name="Headers">Request and content headers, names case-insensitive.</param>
/// <param name="Body">The body as UTF-8 text, or null when empty.</param>
/// <param name="Activity">The body parsed as an activity, for send, reply and update.</param>
/// <param name="StatusCode">What the connector answered.</param>
/// <param name="ReceivedAt">When it arrived, on a monotonic clock from the connector's start.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawTarget,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    Activity? Activity,
    int StatusCode,
    TimeSpan ReceivedAt)
{
    public string? Authorization => Header("Authorization");

    public string? ContentType => Header("Content-Type");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {Path} → {StatusCode}";
}
