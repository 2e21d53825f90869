using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Storage.Tables;

/// <summary>Creates the tables at start-up, retrying briefly so the host can start while Azurite is still starting.</summary>
internal sealed class StorageInitializer(
    TableServiceClient service,
    TableNames names,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<StorageInitializer> logger) : IHostedService
{
    private const int MaxAttempts = 10;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                foreach (var table in names.All)
                {
                    await service.GetTableClient(table).CreateIfNotExistsAsync(cancellationToken);
                }

                Log.TablesReady(logger, names.All.Count, options.Value.Backend);
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException && attempt < MaxAttempts)
            {
                var delay = TimeSpan.FromMilliseconds(250 * attempt);
                Log.StorageNotReady(logger, ex, attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
