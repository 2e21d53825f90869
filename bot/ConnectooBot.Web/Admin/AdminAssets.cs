using System.Collections.Frozen;
using System.Security.Cryptography;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// The dashboard's static files, embedded in the assembly so they are in every build and publish output: Chart.js
/// (<c>Assets/chart.umd.min.js</c>, the file of the npm package pinned in package.json, checked byte for byte by
/// AdminAssetTests), the page's chart code, its style sheet and icon. Addresses carry a content hash, so they are cached for
/// a year and change when the file changes.
/// </summary>
internal static class AdminAssets
{
    public const string ChartJs = "chart.umd.min.js";
    public const string ChartScript = "admin-charts.js";
    public const string StyleSheet = "admin.css";
    public const string Icon = "favicon.svg";

    private static readonly FrozenDictionary<string, Asset> Files = new[] { ChartJs, ChartScript, StyleSheet, Icon }
        .ToFrozenDictionary(name => name, Load, StringComparer.Ordinal);

    public static string Url(string name) => $"{AdminPaths.Assets}/{name}?v={Files[name].Version}";

    public static bool TryGet(string name, out byte[] content, out string contentType)
    {
        if (Files.TryGetValue(name, out var asset))
        {
            (content, contentType) = (asset.Content, asset.ContentType);
            return true;
        }

        (content, contentType) = ([], string.Empty);
        return false;
    }

    private static Asset Load(string name)
    {
        using var stream = typeof(AdminAssets).Assembly.GetManifestResourceStream("ConnectooBot.Web.Admin.Assets." + name)
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        var version = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "text/javascript; charset=utf-8",
        };
        return new Asset(content, type, version);
    }

    private sealed record Asset(byte[] Content, string ContentType, string Version);
}
