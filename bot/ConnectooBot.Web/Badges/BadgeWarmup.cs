namespace ConnectooBot.Web.Badges;

/// <summary>Loads the signing key and the image at start-up, so a bad key or a missing asset stops the host, not a learner's badge.</summary>
internal sealed class BadgeWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<BadgeSigningKey>();
        _ = services.GetRequiredService<BadgeImage>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
