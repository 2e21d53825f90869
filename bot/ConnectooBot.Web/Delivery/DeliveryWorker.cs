using System.Collections.Concurrent;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Delivery;

/// <summary>
/// Receives delivery messages in batches while it has free slots (<see cref="DeliveryOptions.MaxConcurrentSends"/>)
/// and hands each to <see cref="DeliveryProcessor"/>. At shutdown it stops receiving, lets in-flight sends finish for
/// <see cref="DeliveryOptions.ShutdownGrace"/>, then cancels the rest (which record their outcome or give the message
/// back). Messages it never got to stay in the queue for the next instance. Every <see cref="ProgressInterval"/> in
/// which it handled messages, and once when it stops, it logs how many and the storage requests they took (the
/// delivery benchmark adds these up).
/// </summary>
internal sealed class DeliveryWorker(
    IDeliveryInbox inbox,
    DeliveryProcessor processor,
    IStorageRequestCounts storage,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private long _nextTask;
    private long _handled;
    private long _handledReported;
    private StorageRequestTotals _storageReported;
    private long _reportedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.WorkerEnabled)
        {
            return;
        }

        using var sending = new CancellationTokenSource();
        using var slots = new SemaphoreSlim(settings.MaxConcurrentSends, settings.MaxConcurrentSends);
        Log.DeliveryWorkerStarted(logger, settings.RequestsPerSecondPerTenant, settings.MaxConcurrentSends);
        _storageReported = storage.Totals;
        _reportedAt = time.GetTimestamp();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ReportProgress();
                await slots.WaitAsync(stoppingToken);
                var taken = 1;
                while (taken < settings.BatchSize && slots.Wait(0, CancellationToken.None))
                {
                    taken++;
                }

                var batch = await ReceiveAsync(taken, stoppingToken);
                if (taken > batch.Count)
                {
                    slots.Release(taken - batch.Count);
                }

                if (batch.Count == 0)
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                    continue;
                }

                var receivedAt = time.GetUtcNow();
                foreach (var message in batch)
                {
                    Track(RunAsync(message, receivedAt, slots, sending.Token));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await DrainAsync(sending, settings.ShutdownGrace);
        ReportProgress(final: true);
    }

    private async Task<IReadOnlyList<DeliveryMessage>> ReceiveAsync(int count, CancellationToken stoppingToken)
    {
        try
        {
            return await inbox.ReceiveAsync(count, options.Value.VisibilityTimeout, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DeliveryReceiveFailed(logger, ex);
            return [];
        }
    }

    private async Task RunAsync(DeliveryMessage message, DateTimeOffset receivedAt, SemaphoreSlim slots, CancellationToken sending)
    {
        try
        {
            await Task.Yield();
            await processor.ProcessAsync(message, receivedAt, sending);
        }
        catch (Exception ex)
        {
            // Storage trouble mid-way: the message reappears after its visibility timeout and the ledger decides again.
            Log.DeliveryProcessingFailed(logger, ex, message.MessageId);
        }
        finally
        {
            Interlocked.Increment(ref _handled);
            slots.Release();
        }
    }

    /// <summary>Messages handled and storage requests since the last report (receives of an idle queue go into the next one).</summary>
    private void ReportProgress(bool final = false)
    {
        var elapsed = time.GetElapsedTime(_reportedAt);
        if (elapsed < ProgressInterval && !final)
        {
            return;
        }

        var handled = Interlocked.Read(ref _handled);
        var messages = handled - _handledReported;
        _reportedAt = time.GetTimestamp();
        if (messages == 0)
        {
            return;
        }

        var totals = storage.Totals;
        var requests = totals - _storageReported;
        Log.DeliveryProgress(logger, messages, elapsed.TotalSeconds, requests.Tables, requests.Queues, (double)requests.All / messages);
        _handledReported = handled;
        _storageReported = totals;
    }

    private void Track(Task task)
    {
        var id = Interlocked.Increment(ref _nextTask);
        _inFlight[id] = task;
        _ = task.ContinueWith(_ => _inFlight.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DrainAsync(CancellationTokenSource sending, TimeSpan grace)
    {
        var pending = Task.WhenAll(_inFlight.Values);
        if (pending.IsCompleted)
        {
            return;
        }

        Log.DeliveryWorkerDraining(logger, _inFlight.Count, grace);
        try
        {
            await pending.WaitAsync(grace, time);
        }
        catch (TimeoutException)
        {
            await sending.CancelAsync();
            await pending;
        }
    }
}
