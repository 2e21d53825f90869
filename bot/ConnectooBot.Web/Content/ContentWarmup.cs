using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Content;

/// <summary>Loads and validates the content and the route table at start-up, so bad content stops the host, not the first turn.</summary>
internal sealed class ContentWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<UiContent>();
        _ = services.GetRequiredService<RouteTable>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
