using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.VivaLearning;

/// <summary>
/// The background side of the sync; nothing runs on a learner's turn. It publishes the contents, then works two ways:
/// the nudges queued by course turns (<see cref="VivaNudges"/>: within seconds) and a periodic scan
/// (<see cref="VivaLearningOptions.ScanInterval"/>) over every learner in pages — the first after start-up looks at
/// everyone, later ones only at learners active since the previous scan began — which also retries owed erasures and
/// a failed publication. At most <see cref="VivaLearningOptions.MaxConcurrency"/> learners at once, and never one
/// learner twice at once on this instance (the sync rows' versions guard against other instances).
/// </summary>
internal sealed class VivaSyncWorker(
    ILearnerStore learners,
    IVivaSyncStore store,
    VivaContentPublisher publisher,
    VivaActivitySync sync,
    VivaErasure erasure,
    VivaNudges nudges,
    IOptions<VivaLearningOptions> options,
    TimeProvider time,
    ILogger<VivaSyncWorker> logger) : BackgroundService
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] learnerLocks = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];
    private SemaphoreSlim? slots;
    private bool published;
    private DateTimeOffset? lastScanStart;

    private SemaphoreSlim Slots => slots ??= new SemaphoreSlim(options.Value.MaxConcurrency, options.Value.MaxConcurrency);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var drain = DrainNudgesAsync(stoppingToken);
        await PassAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await PassAsync(stoppingToken);
        }

        await drain;
    }

    /// <summary>One periodic pass: publish (until it succeeded once), complete owed erasures, scan the learners.</summary>
    public async Task PassAsync(CancellationToken cancellationToken)
    {
        if (!published)
        {
            try
            {
                await publisher.PublishAsync(cancellationToken);
                published = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.PublishFailed(logger, e);
                return; // activities need the contents' ids: the next pass tries again
            }
        }

        try
        {
            await RetryErasuresAsync(cancellationToken);
            await ScanAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ScanFailed(logger, e);
        }
    }

    /// <summary>Compares every learner (active since the previous scan began) with what Viva Learning was told.</summary>
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var since = lastScanStart;
        var looked = 0;
        var requests = 0;
        var running = new List<Task>();
        await foreach (var learner in learners.ListAllAsync(cancellationToken))
        {
            if (since is { } s && learner.LastActive < s)
            {
                continue;
            }

            looked++;
            await Slots.WaitAsync(cancellationToken);
            running.Add(Task.Run(async () =>
            {
                try
                {
                    Interlocked.Add(ref requests, await SyncOneAsync(learner, cancellationToken));
                }
                finally
                {
                    Slots.Release();
                }
            }, cancellationToken));
            running.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(running);
        lastScanStart = started;
        Log.ScanDone(logger, looked, requests);
    }

    /// <summary>Retries the erasures owed to Viva Learning (it was unreachable at "delete my data").</summary>
    public async Task RetryErasuresAsync(CancellationToken cancellationToken)
    {
        var owed = new List<LearnerKey>();
        await foreach (var learner in store.ListPendingErasuresAsync(cancellationToken))
        {
            owed.Add(learner);
        }

        foreach (var learner in owed)
        {
            var gate = Lock(learner);
            await gate.WaitAsync(cancellationToken);
            try
            {
                Log.OwedErasureDone(logger, await erasure.EraseNowAsync(learner, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ErasureDeferred(logger, e);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>Syncs one learner (never twice at once here); a failure is logged and left to the next pass.</summary>
    public async Task<int> SyncOneAsync(Learner learner, CancellationToken cancellationToken)
    {
        var gate = Lock(learner.Key);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await sync.SyncAsync(learner, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LearnerSyncFailed(logger, e);
            return 0;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task DrainNudgesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var learner in nudges.Reader.ReadAllAsync(cancellationToken))
            {
                if (published)
                {
                    await SyncOneAsync(learner, cancellationToken);
                }

                // Before the contents are published a nudge is dropped: the first scan after publishing looks at everyone.
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private SemaphoreSlim Lock(LearnerKey learner) => learnerLocks[(int)((uint)learner.GetHashCode() % Stripes)];

    public override void Dispose()
    {
        foreach (var gate in learnerLocks)
        {
            gate.Dispose();
        }

        slots?.Dispose();
        base.Dispose();
    }
}
