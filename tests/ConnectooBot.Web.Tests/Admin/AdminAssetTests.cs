using System.Text.Json;
using System.Text.RegularExpressions;

namespace ConnectooBot.Web.Tests.Admin;

/// <summary>
/// The Chart.js the host serves is the committed copy of the npm package pinned in package.json: same version, same
/// bytes as node_modules/chart.js/dist/chart.umd.min.js (scripts/setup.sh installs it with npm ci).
/// </summary>
public sealed partial class AdminAssetTests
{
    private static string Committed => Path.Combine(ContentPaths.RepositoryRoot, "bot", "ConnectooBot.Web", "Admin", "Assets", "chart.umd.min.js");

    [Fact]
    public void ChartJs_IsPinnedExactly_AndTheCommittedFileSaysThatVersion()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(ContentPaths.RepositoryRoot, "package.json")));
        var pinned = package.RootElement.GetProperty("devDependencies").GetProperty("chart.js").GetString()!;

        Assert.Matches(@"^\d+\.\d+\.\d+$", pinned);
        Assert.StartsWith("4.", pinned, StringComparison.Ordinal);
        Assert.Equal(pinned, Banner().Match(File.ReadAllText(Committed)).Groups[1].Value);
    }

    [Fact]
    public void ChartJs_IsByteForByteTheInstalledPackagesFile()
    {
        var installed = Path.Combine(ContentPaths.RepositoryRoot, "node_modules", "chart.js", "dist", "chart.umd.min.js");
        Assert.True(File.Exists(installed), "node_modules/chart.js is missing: run scripts/setup.sh (npm ci)");

        Assert.Equal(File.ReadAllBytes(installed), File.ReadAllBytes(Committed));
    }

    [GeneratedRegex(@"^/\*!\s*\n\s*\* Chart\.js v(\d+\.\d+\.\d+)")]
    private static partial Regex Banner();
}
