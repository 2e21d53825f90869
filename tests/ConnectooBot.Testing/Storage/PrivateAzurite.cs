using System.Diagnostics;

namespace ConnectooBot.Testing.Storage;

/// <summary>
/// An Azurite of one test's own, keeping its data on disk, that the test can stop and start again on the same ports
/// (a storage outage and its end). Never the shared instance: stopping that would break every other test.
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    private readonly string _location = Path.Combine(Path.GetTempPath(), "connectoo-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly (int Table, int Queue, int Blob) _ports = (TestMachine.FreeLoopbackPort(), TestMachine.FreeLoopbackPort(), TestMachine.FreeLoopbackPort());
    private Process? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Azurite.AccountKey};TableEndpoint=http://127.0.0.1:{_ports.Table}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports.Queue}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{_ports.Blob}/devstoreaccount1;";

    public static async Task<PrivateAzurite> StartAsync()
    {
        var azurite = new PrivateAzurite();
        await azurite.StartAgainAsync();
        return azurite;
    }

    public async Task StartAgainAsync()
    {
        Directory.CreateDirectory(_location);
        _process = Process.Start(Azurite.StartInfo(["--location", _location], _ports.Table, _ports.Queue, _ports.Blob))
            ?? throw new InvalidOperationException("Azurite did not start.");
        await Azurite.EnsureReachableAsync(ConnectionString);
    }

    /// <summary>Stops Azurite the way a service shuts down (SIGTERM, so it writes its data), killing it only if it hangs.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await ProcessStop.GracefullyAsync(_process);
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // a file still closing: the temp folder is cleaned up by the system
        }
    }
}
