using System.Diagnostics;
using ConnectooBot.Protocol.Authentication;
using ConnectooBot.Testing.Authentication;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Benchmarks;

/// <summary>One validation by <see cref="JwtBotRequestAuthenticator"/>: wall time, CPU time and bytes allocated, averaged.</summary>
internal sealed record AuthMicroFigures(int Calls, double MicrosecondsPerCall, double CpuMicrosecondsPerCall, double BytesPerCall);

/// <summary>
/// The authenticator alone, in this process, against the local issuer: the same valid token validated
/// <c>calls</c> times one after another (keys cached after the first call, as in the host), after a warm-up.
/// </summary>
internal static class AuthMicroBenchmark
{
    public static async Task<AuthMicroFigures> RunAsync(TestTokenIssuer issuer, string serviceUrl, int calls)
    {
        var options = new BotAuthenticationOptions { AppId = issuer.AppId, OpenIdMetadataUrl = issuer.MetadataUrl };
        options.ValidIssuers.Add(issuer.Issuer);
        using var http = new HttpClient();
        var authenticator = new JwtBotRequestAuthenticator(Options.Create(options), new SigningKeys(options, http, TimeProvider.System));
        var header = "Bearer " + issuer.CreateToken(serviceUrl);
        for (var i = 0; i < Math.Min(1_000, calls); i++)
        {
            await ValidateAsync(authenticator, header);
        }

        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var bytes0 = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await ValidateAsync(authenticator, header);
        }

        var elapsed = clock.Elapsed;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes0;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        return new AuthMicroFigures(calls, elapsed.TotalMicroseconds / calls, cpu.TotalMicroseconds / calls, (double)bytes / calls);
    }

    private static async Task ValidateAsync(JwtBotRequestAuthenticator authenticator, string header)
    {
        var outcome = await authenticator.AuthenticateAsync(header, "msteams", CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("The benchmark's own token was refused: " + outcome.FailureReason);
        }
    }
}
