using System.Net;
using System.Net.Sockets;
using System.Text;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Load;

namespace ConnectooBot.Web.Tests.Hostile;

/// <summary>
/// A caller that hangs up in the middle of its request body (a timed-out Teams request, a load driver stopping): a
/// quiet 400 for nobody, not an unhandled exception in the log. Against the real host process on Kestrel, over a socket.
/// </summary>
public sealed class AbortedRequestTests
{
    [Fact]
    public async Task BodyBrokenOffHalfway_IsNotLoggedAsAnError_AndTheNextTurnIsServed()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var bot = await BotProcess.StartAsync(BotProcess.BuiltWebDll(), new Dictionary<string, string>
        {
            ["Storage__Backend"] = "InMemory",
            ["Bot__Connector__AllowLoopbackServiceUrls"] = "true",
        });

        for (var i = 0; i < 3; i++)
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(IPAddress.Loopback, bot.BaseAddress.Port);
            var stream = socket.GetStream();
            var head = $"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "{\"type\":\"message\",\"text\":\"hal"));
            await stream.FlushAsync();
            await Task.Delay(100);
            socket.Client.Shutdown(SocketShutdown.Both);
        }

        using var client = bot.CreateClient();
        var learner = new SimulatedLearner(new ActivityFactory(connector.ServiceUrl), seed: 1, connector: connector);
        var install = await learner.NextTurnAsync(client, CancellationToken.None);
        Assert.Equal(200, install.Status);
        Assert.Single(connector.Activities); // the welcome card
        await Task.Delay(300); // the host's console logger writes asynchronously

        Assert.DoesNotContain(bot.Output, l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
        Assert.False(bot.HasExited);
    }
}
