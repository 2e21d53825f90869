namespace ConnectooBot.Testing.Graph;

/// <summary>One request the stand-in received: method, path (decoded), the status it answered, what it found wrong, when it arrived, and its JSON body (if any).</summary>
public sealed record GraphRequest(string Method, string Path, int Status, IReadOnlyList<string> Violations, DateTimeOffset At, string? Body = null)
{
    public override string ToString() => $"{Method} {Path} → {Status}";
}
