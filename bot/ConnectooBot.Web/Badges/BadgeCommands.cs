using ConnectooBot.Storage;
using System.Globalization;
using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// Operator commands, run with the app's own configuration (appsettings, environment, Key Vault references) before the
/// web host starts, e.g. from the App Service SSH console:
/// <code>dotnet ConnectooBot.Web.dll badges revoke &lt;badge id&gt; --reason "Awarded by mistake"</code>
/// <code>dotnet ConnectooBot.Web.dll badges show &lt;badge id&gt;</code>
/// Nothing is reachable over HTTP, so no admin endpoint needs protecting; the shell access Azure already guards is the
/// authorisation. Revoking is idempotent; the page, the verify endpoint and the revocation list show it at once.
/// </summary>
public static class BadgeCommands
{
    public const string Usage = """
        Usage:
          badges revoke <badge id> --reason "<why>"   revoke a badge (it then verifies as revoked)
          badges show <badge id>                      show a badge's holder, date and status
        """;

    private const int MaxReasonLength = 500;

    /// <summary>Runs <c>badges …</c> and returns true (exit code in <see cref="Environment.ExitCode"/>); false for any other arguments.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args is not ["badges", .. var rest])
        {
            return false;
        }

        // No command-line arguments into configuration: "--reason x" is not a setting.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddStorage(builder.Configuration);
        using var host = builder.Build();
        try
        {
            Environment.ExitCode = await RunAsync(rest, host.Services, Console.Out, CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException || ConnectooBot.Storage.StorageFaults.IsStorageFailure(ex))
        {
            await Console.Error.WriteLineAsync("badges: " + ex.Message);
            Environment.ExitCode = 1;
        }

        return true;
    }

    /// <summary>Runs one command; returns the process exit code (0 done, 1 not found, 2 usage).</summary>
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var store = services.GetRequiredService<IBadgeStore>();
        switch (args)
        {
            case ["revoke", .. var revoke] when ParseRevoke(revoke) is { } parsed:
                {
                    var (badgeId, reason) = parsed;
                    var at = services.GetRequiredService<TimeProvider>().GetUtcNow();
                    var record = BadgeAward.IsWellFormedBadgeId(badgeId) ? await store.RevokeAsync(badgeId, reason, at, cancellationToken) : null;
                    if (record is null)
                    {
                        await output.WriteLineAsync($"No badge {badgeId}.");
                        return 1;
                    }

                    await output.WriteLineAsync(Describe(record));
                    return 0;
                }

            case ["show", var badgeId]:
                {
                    var record = BadgeAward.IsWellFormedBadgeId(badgeId) ? await store.FindAsync(badgeId, cancellationToken) : null;
                    await output.WriteLineAsync(record is null ? $"No badge {badgeId}." : Describe(record));
                    return record is null ? 1 : 0;
                }

            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary><c>&lt;id&gt; --reason "&lt;why&gt;"</c> in either order; null when incomplete or the reason is empty or too long.</summary>
    private static (string BadgeId, string Reason)? ParseRevoke(string[] args)
    {
        var at = Array.IndexOf(args, "--reason");
        if (args.Length != 3 || at is < 0 or > 1)
        {
            return null;
        }

        var reason = args[at + 1].Trim();
        var badgeId = args[at == 0 ? 2 : 0];
        return reason.Length is > 0 and <= MaxReasonLength ? (badgeId, reason) : null;
    }

    private static string Describe(BadgeRecord record)
    {
        var status = record.Revocation is { } revocation
            ? $"revoked on {revocation.RevokedAt.ToString("u", CultureInfo.InvariantCulture)}: {revocation.Reason}"
            : "valid";
        return $"Badge {record.BadgeId}, issued {record.Award.IssuedAt.ToString("u", CultureInfo.InvariantCulture)} to {record.Award.DisplayName}: {status}";
    }
}
