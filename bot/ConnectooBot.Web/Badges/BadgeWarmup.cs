namespace ConnectooBot.Web.Badges;

/// <summary>Loads the signing key and the image at start-up (constructing this service does it), so a bad key or a missing asset stops the host, not a learner's badge.</summary>
internal sealed class BadgeWarmup(BadgeSigningKey key, BadgeImage image) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(image);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
