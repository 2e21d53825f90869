using System.Globalization;
using System.Text;

namespace ConnectooBot.Benchmarks;

/// <summary>The authentication benchmark's figures as a Markdown section of docs/benchmarks.md.</summary>
internal static class AuthBenchmarkMarkdown
{
    public static string Render(AuthBenchmarkReport report)
    {
        var md = new StringBuilder();
        Line(md, $"Two host processes from the same build, both with in-memory storage, driven in turn by the same simulated learners ({report.WarmUp.TotalSeconds:0} s warm-up, {report.Measure.TotalSeconds:0} s measured per run): one with authentication off (as in the other sections), one validating a real RS256 token on every request (signature, issuer, audience, lifetime, endorsement for msteams, serviceurl claim) against a local token issuer it trusts through its own settings; its connector token comes from a local managed-identity endpoint. Bot CPU per turn is read from /proc.");
        md.AppendLine();
        md.AppendLine("| learners | authentication | turns/s | p50 ms | p95 ms | p99 ms | bot CPU ms/turn |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var level in report.Levels)
        {
            Line(md, $"| {level.Concurrency} | off | {level.Off.TurnsPerSecond:0} | {level.Off.P50Ms:0.0} | {level.Off.P95Ms:0.0} | {level.Off.P99Ms:0.0} | {level.OffCpuMs:0.00} |");
            Line(md, $"| {level.Concurrency} | on | {level.On.TurnsPerSecond:0} | {level.On.P50Ms:0.0} | {level.On.P95Ms:0.0} | {level.On.P99Ms:0.0} | {level.OnCpuMs:0.00} |");
            var change = level.Off.TurnsPerSecond > 0 ? (level.On.TurnsPerSecond / level.Off.TurnsPerSecond) - 1 : 0;
            Line(md, $"| {level.Concurrency} | **cost** | **{change:+0%;-0%;0%}** | {level.On.P50Ms - level.Off.P50Ms:+0.0;-0.0;0.0} | {level.On.P95Ms - level.Off.P95Ms:+0.0;-0.0;0.0} | {level.On.P99Ms - level.Off.P99Ms:+0.0;-0.0;0.0} | **{level.OnCpuMs - level.OffCpuMs:+0.00;-0.00;0.00}** |");
        }

        md.AppendLine();
        var m = report.Micro;
        Line(md, $"The authenticator alone (`JwtBotRequestAuthenticator`, keys cached, the same token {m.Calls:N0} times in one process): **{m.MicrosecondsPerCall:0} µs** per validation, {m.CpuMicrosecondsPerCall:0} µs CPU, {m.BytesPerCall:N0} bytes allocated.");
        md.AppendLine();
        md.AppendLine(report.Problems.Count == 0
            ? "No errors: every turn answered 200 with the expected card in both hosts, no error line in their logs."
            : "**Problems seen:** " + string.Join("; ", report.Problems));
        return md.ToString();
    }

    private static void Line(StringBuilder md, FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
}
