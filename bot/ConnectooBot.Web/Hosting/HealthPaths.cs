namespace ConnectooBot.Web.Hosting;

/// <summary>The liveness and readiness probe paths (mapped by <c>MapHealthEndpoints</c>).</summary>
public static class HealthPaths
{
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";

    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments(Liveness, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Readiness, StringComparison.OrdinalIgnoreCase);
}
