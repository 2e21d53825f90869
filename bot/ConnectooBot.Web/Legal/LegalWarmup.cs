namespace ConnectooBot.Web.Legal;

/// <summary>Loads the legal texts at start-up (constructing this service does it), so a missing translation stops the host instead of failing a page.</summary>
internal sealed class LegalWarmup(LegalLibrary library) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
