namespace ConnectooBot.Web.Legal;

/// <summary>Loads the legal texts at start-up, so a missing translation stops the host instead of failing a page.</summary>
internal sealed class LegalWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<LegalLibrary>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
