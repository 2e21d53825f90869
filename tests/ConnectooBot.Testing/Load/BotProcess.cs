using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ConnectooBot.Testing.Load;

/// <summary>
/// The real ConnectooBot host as its own process (<c>dotnet ConnectooBot.Web.dll</c> from a build output), on a free
/// 127.0.0.1 port, with settings given as environment variables. Its output is kept; it is stopped by its process id.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>From process start to the first 200 from <c>/readyz</c> (storage reachable).</summary>
    public TimeSpan StartedIn { get; private set; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every line the host wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Resident memory of the process now, in bytes (Linux: VmRSS of /proc/PID/status).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("VmRSS not found.");
    }

    /// <param name="webDll">Path of ConnectooBot.Web.dll in a build output.</param>
    /// <param name="settings">Configuration as environment variables (e.g. <c>Storage__Backend</c>).</param>
    public static async Task<BotProcess> StartAsync(string webDll, IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        webDll = Path.GetFullPath(webDll);
        if (!File.Exists(webDll))
        {
            throw new FileNotFoundException($"Build the bot first: {webDll} does not exist.", webDll);
        }

        var port = TestMachine.FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webDll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var bot = new BotProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = timeout ?? TimeSpan.FromSeconds(60);
        while (clock.Elapsed < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {process.ExitCode} while starting:\n{string.Join('\n', bot.Output.TakeLast(30))}");
            }

            try
            {
                using var ready = await probe.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    bot.StartedIn = clock.Elapsed;
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(10);
        }

        await bot.DisposeAsync();
        throw new TimeoutException($"The bot was not ready within {deadline}:\n{string.Join('\n', bot.Output.TakeLast(30))}");
    }

    /// <summary>
    /// ConnectooBot.Web.dll as built beside the calling test or benchmark (artifacts/bin/ConnectooBot.Web/CONFIGURATION),
    /// in the same configuration as the caller.
    /// </summary>
    public static string BuiltWebDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name; // …/bin/<project>/<configuration>
        return Path.Combine(TestMachine.RepositoryRoot, "artifacts", "bin", "ConnectooBot.Web", configuration, "ConnectooBot.Web.dll");
    }

    /// <summary>
    /// SIGKILL, as when an instance's machine goes away: no shutdown, no flush, requests in flight are cut. Waits until
    /// the process is gone.
    /// </summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Waits until the host has written a line containing <paramref name="text"/>; false if it did not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Output.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            if (_process.HasExited)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return false;
    }

    /// <summary>An HTTP client for this host, pooled for many concurrent requests.</summary>
    public HttpClient CreateClient() => LoadHttpClient.For(BaseAddress);

    public async ValueTask DisposeAsync()
    {
        await ProcessStop.GracefullyAsync(_process);
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }
}
