using ConnectooBot.Learning.Catalog;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// Loads and validates the interface content, the course and the route table at start-up (constructing this service
/// does it), so bad content stops the host, not the first turn.
/// </summary>
internal sealed class ContentWarmup(UiContent content, Learning.Catalog.Course course, RouteTable routes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(routes);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
