using System.Diagnostics;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Load;

namespace ConnectooBot.Benchmarks;

/// <summary>A helper process (the reference peer) that writes its base URL to a file once it listens.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ChildProcess> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var urlFile = Path.Combine(Path.GetTempPath(), "connectoobot-peer-" + Guid.NewGuid().ToString("N") + ".url");
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["URL_FILE"] = urlFile;
        start.Environment["PORT"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (var i = 0; i < 600; i++)
        {
            if (File.Exists(urlFile) && (await File.ReadAllTextAsync(urlFile)).Trim() is { Length: > 0 } url)
            {
                File.Delete(urlFile);
                return new ChildProcess(process, new Uri(url));
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"{fileName} exited with code {process.ExitCode} before listening.");
            }

            await Task.Delay(50);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{fileName} did not write its URL within 30 s.");
    }

    public HttpClient CreateClient() => LoadHttpClient.For(BaseAddress);

    public async ValueTask DisposeAsync()
    {
        await ProcessStop.GracefullyAsync(_process);
        _process.Dispose();
    }
}
