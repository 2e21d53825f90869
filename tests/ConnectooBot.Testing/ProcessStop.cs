using System.Diagnostics;
using System.Globalization;

namespace ConnectooBot.Testing;

/// <summary>Stops a process the way a service manager does: SIGTERM, then a kill of its tree if it outlives the grace.</summary>
public static class ProcessStop
{
    public static async Task GracefullyAsync(Process process, TimeSpan? grace = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
