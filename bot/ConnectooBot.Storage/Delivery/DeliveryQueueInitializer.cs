using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Storage.Delivery;

/// <summary>Creates the delivery queue and its poison queue at start-up, retrying briefly while Azurite starts.</summary>
internal sealed class DeliveryQueueInitializer(
    QueueServiceClient service,
    DeliveryQueueNames names,
    TimeProvider time,
    ILogger<DeliveryQueueInitializer> logger) : IHostedService
{
    private const int MaxAttempts = 10;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await service.GetQueueClient(names.Deliveries).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await service.GetQueueClient(names.Poison).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                Log.DeliveryQueuesReady(logger, names.Deliveries, names.Poison);
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException && attempt < MaxAttempts)
            {
                var delay = TimeSpan.FromMilliseconds(250 * attempt);
                Log.DeliveryQueuesNotReady(logger, ex, attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
