using System.Diagnostics;
using Azure.Data.Tables;

namespace ConnectooBot.Testing.Storage;

/// <summary>
/// A real Azurite for storage tests. scripts/test.sh starts one and exports CONNECTOOBOT_AZURITE_CONNECTION; without it,
/// Azurite is started here from the repository's node_modules (stopped by PID on dispose). If neither works the tests
/// fail with instructions: an unreachable Azurite is never a silent skip.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    public const string ConnectionVariable = "CONNECTOOBOT_AZURITE_CONNECTION";
    internal const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Azurite? shared;
    private readonly Process? _process;

    private Azurite(string connectionString, Process? process)
    {
        ConnectionString = connectionString;
        _process = process;
    }

    public string ConnectionString { get; }

    /// <summary>A unique table prefix for one test class or run, so runs never see each other's rows.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The process-wide Azurite (shared by every test of the run).</summary>
    public static async Task<Azurite> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            shared ??= await StartAsync();
            return shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static async Task<Azurite> StartAsync()
    {
        var fromScript = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(fromScript))
        {
            await EnsureReachableAsync(fromScript);
            return new Azurite(fromScript, null);
        }

        var root = TestMachine.RepositoryRoot;
        var binary = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"Azurite is needed for the storage tests. Run ./scripts/test.sh (it starts one), or `npm ci` in {root} so the tests can start it, or set {ConnectionVariable}.");
        }

        var (table, queue, blob) = (TestMachine.FreeLoopbackPort(), TestMachine.FreeLoopbackPort(), TestMachine.FreeLoopbackPort());
        var process = Process.Start(StartInfo(["--inMemoryPersistence"], table, queue, blob)) ?? throw new InvalidOperationException("Azurite did not start.");
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;";
        await EnsureReachableAsync(connection);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        };
        return new Azurite(connection, process);
    }

    /// <summary>How the tests start Azurite (as scripts/lib/common.sh does): on 127.0.0.1, silent, on the given ports.</summary>
    internal static ProcessStartInfo StartInfo(IEnumerable<string> persistence, int table, int queue, int blob)
    {
        var start = new ProcessStartInfo(Path.Combine(TestMachine.RepositoryRoot, "node_modules", ".bin", "azurite"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in persistence.Concat(
        [
            "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
        ]))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    internal static async Task EnsureReachableAsync(string connection)
    {
        var client = new TableServiceClient(connection);
        Exception? last = null;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await client.GetTableClient("probe").CreateIfNotExistsAsync();
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                last = ex;
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"Azurite at {ConnectionVariable} does not answer.", last);
    }
}
