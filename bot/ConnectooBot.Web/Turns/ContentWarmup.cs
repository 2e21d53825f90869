using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Content;

/// <summary>Loads and validates the interface content, the course and the route table at start-up, so bad content stops the host, not the first turn.</summary>
internal sealed class ContentWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<UiContent>();
        _ = services.GetRequiredService<RouteTable>();
        _ = services.GetRequiredService<Learning.Catalog.Course>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
