using System.Net;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

public sealed class GracefulShutdownTests : IAsyncLifetime
{
    /// <summary>Only a guard against a hung test: no assertion depends on time.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly GatedTurnMiddleware _gate = new();
    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(services: services => services.AddSingleton<ITurnMiddleware>(_gate));

    public async Task DisposeAsync()
    {
        _gate.Open();
        await _bot.DisposeAsync();
    }

    /// <summary>How the stop comes: SIGTERM (the lifetime's StopApplication, then the host's StopAsync) or StopAsync alone.</summary>
    public enum StopPath
    {
        StopApplication,
        HostStopAsync,
    }

    [Theory]
    [InlineData(StopPath.StopApplication)]
    [InlineData(StopPath.HostStopAsync)]
    public async Task Stop_WhileATurnRuns_TheTurnFinishesWith200AndItsReply(StopPath path)
    {
        var chat = _bot.PersonalChat(TeamsUser.Create("Ana"));
        var inFlight = _bot.Services.GetRequiredService<InFlightRequests>();
        var turn = chat.SendAsync("help");
        await _gate.Entered.WaitAsync(Guard);

        var stop = Stop(path);
        await Stopping().WaitAsync(Guard);
        Assert.Equal(1, inFlight.Count);
        Assert.False(stop.IsCompleted, "the host must wait for the turn in flight");
        _gate.Open();
        var reply = await turn.WaitAsync(Guard);
        await stop.WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.NotEmpty(reply.Sent);
        Assert.Equal(0, inFlight.Count);
    }

    [Fact]
    public async Task Readyz_OnceStopping_Returns503()
    {
        using var before = await _bot.Client.GetAsync(new Uri(HealthPaths.Readiness, UriKind.Relative));
        var turn = _bot.PersonalChat(TeamsUser.Create("Ana")).SendAsync("help");
        await _gate.Entered.WaitAsync(Guard);

        var stop = Stop(StopPath.StopApplication);
        await Stopping().WaitAsync(Guard);
        using var during = await _bot.Client.GetAsync(new Uri(HealthPaths.Readiness, UriKind.Relative));
        using var alive = await _bot.Client.GetAsync(new Uri(HealthPaths.Liveness, UriKind.Relative));
        _gate.Open();
        await turn.WaitAsync(Guard);
        await stop.WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public void ShutdownTimeout_ByDefault_IsThirtySeconds()
    {
        var host = _bot.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(30), host.ShutdownTimeout);
    }

    /// <summary>Starts stopping the host; the task completes once it stopped.</summary>
    private Task Stop(StopPath path)
    {
        if (path == StopPath.HostStopAsync)
        {
            return _bot.Services.GetRequiredService<IHost>().StopAsync();
        }

        // As on SIGTERM: the lifetime fires ApplicationStopping, and the host's run loop (Program's app.Run) stops it.
        var lifetime = _bot.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
        lifetime.StopApplication();
        return stopped.Task;
    }

    private Task Stopping()
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bot.Services.GetRequiredService<ShutdownSignal>().Stopping.Register(() => signal.TrySetResult());
        return signal.Task;
    }
}
