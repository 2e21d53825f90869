using System.Net;
using System.Net.Sockets;

namespace ConnectooBot.Testing;

/// <summary>Where the tests run: the repository they were built from, and free ports on 127.0.0.1.</summary>
public static class TestMachine
{
    /// <summary>The folder holding ConnectooBot.sln, above the test's build output.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ConnectooBot.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("ConnectooBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
