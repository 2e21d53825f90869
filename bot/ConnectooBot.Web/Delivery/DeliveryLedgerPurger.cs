using ConnectooBot.Learning.Ports;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Delivery;

/// <summary>Deletes ledger runs older than <see cref="DeliveryOptions.LedgerRetention"/>, every <see cref="DeliveryOptions.PurgeInterval"/>.</summary>
internal sealed class DeliveryLedgerPurger(
    IDeliveryLedger ledger,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryLedgerPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await ledger.PurgeExpiredAsync(time.GetUtcNow(), stoppingToken);
                Log.DeliveryRunsPurged(logger, purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.DeliveryPurgeFailed(logger, ex);
            }
        }
    }
}
