using Microsoft.Playwright;

namespace ConnectooBot.Web.Tests.Admin.Browser;

/// <summary>
/// Debian's chromium (scripts/setup.sh installs it; <c>CHROMIUM_PATH</c> may name another), driven by Playwright for
/// .NET through the driver its NuGet package ships: no browser is downloaded.
/// </summary>
internal static class Chromium
{
    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } set ? set : "/usr/bin/chromium";
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"Chromium is needed for the dashboard's browser test and {path} is missing: run scripts/setup.sh (it installs Debian's chromium).");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--force-color-profile=srgb"],
    });
}
