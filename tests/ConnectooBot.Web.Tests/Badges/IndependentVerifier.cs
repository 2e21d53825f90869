using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ConnectooBot.Web.Tests.Badges;

/// <summary>
/// Runs tests/badge-verifier/verify-badge.mjs (Node, the npm library <c>jose</c>; no ConnectooBot code) on a credential
/// and returns its JSON verdict. Node and the repository's node_modules come from scripts/setup.sh.
/// </summary>
internal static class IndependentVerifier
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static string Script => Path.Combine(ContentPaths.RepositoryRoot, "tests", "badge-verifier", "verify-badge.mjs");

    /// <param name="credential">A file holding the compact JWS, or the URL that serves it.</param>
    /// <param name="now">The verifier's clock (the test host's fake one), so nbf and validFrom are judged against it.</param>
    public static async Task<(JsonObject Verdict, string Output)> VerifyAsync(string credential, DateTimeOffset now)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ContentPaths.RepositoryRoot };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(credential);
        start.ArgumentList.Add("--now");
        start.ArgumentList.Add(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started (run scripts/setup.sh)");
        using var timeout = new CancellationTokenSource(Deadline);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"verify-badge.mjs did not finish within {Deadline.TotalSeconds} s");
        }

        var output = await stdout;
        var errors = await stderr;
        var verdict = output.TrimStart().StartsWith('{') ? JsonNode.Parse(output) as JsonObject : null;
        return (verdict ?? throw new InvalidOperationException($"verify-badge.mjs gave no verdict (exit {process.ExitCode}): {output}{errors}"), output);
    }
}
