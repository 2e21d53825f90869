namespace ConnectooBot.Testing.Graph;

/// <summary>One request the stand-in received: method, path (decoded), the status it answered, what it found wrong, and when it arrived.</summary>
public sealed record GraphRequest(string Method, string Path, int Status, IReadOnlyList<string> Violations, DateTimeOffset At)
{
    public override string ToString() => $"{Method} {Path} → {Status}";
}
