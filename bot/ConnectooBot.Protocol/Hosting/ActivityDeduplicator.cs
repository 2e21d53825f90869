using System.Collections.Concurrent;
using ConnectooBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>
/// Processes a re-delivered activity (same conversation and <c>id</c>) once. In this process (the fast path): the
/// second arrival waits for the first and gets the same invoke response; entries expire after
/// <see cref="BotEndpointOptions.DuplicateWindow"/>, the invoke response itself (a whole card) is let go after
/// <see cref="BotEndpointOptions.DuplicateResponseWindow"/>, after which a duplicate gets an empty 200 — still without
/// being processed again. Across instances, with <see cref="ISharedActivityClaims"/>: the turn runs with a
/// <see cref="TurnClaim"/> taken before its first side effect; an activity another instance processed gets that
/// instance's stored answer, one it is still processing (lease not expired) gets 503 so that Teams retries later;
/// a failed turn releases its claim; a claim whose holder died is taken over when its lease
/// (<see cref="BotEndpointOptions.TurnTimeout"/> + <see cref="LeaseMargin"/>) expired.
/// </summary>
public sealed class ActivityDeduplicator(
    IOptions<BotEndpointOptions> options,
    TimeProvider time,
    ISharedActivityClaims? shared = null,
    ILogger<ActivityDeduplicator>? logger = null)
{
    /// <summary>How much longer than the turn timeout a running turn's claim keeps others off.</summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(15);

    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    private static readonly TaskCompletionSource<InvokeResponse?> AnsweredLongAgo = Answered();
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>Runs <paramref name="process"/> unless the same activity already ran or is running; returns its outcome.</summary>
    public async Task<(InvokeResponse? Response, bool Duplicate)> RunOnceAsync(Activity activity, Func<Task<InvokeResponse?>> process)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(process);
        if (string.IsNullOrEmpty(activity.Id))
        {
            return (await process().ConfigureAwait(false), false);
        }

        Sweep();
        var key = $"{activity.Conversation?.Id}\n{activity.Id}";
        var mine = new Entry(time.GetTimestamp(), new TaskCompletionSource<InvokeResponse?>(TaskCreationOptions.RunContinuationsAsynchronously));
        var entry = _entries.GetOrAdd(key, mine);
        if (!ReferenceEquals(entry, mine))
        {
            return (await entry.Outcome.Task.ConfigureAwait(false), true);
        }

        var claim = NewClaim(activity);
        try
        {
            TurnClaim.Current = claim;
            var response = await process().ConfigureAwait(false);
            if (claim is { IsTaken: false } && ActivityTypes.Is(activity.Type, ActivityTypes.Invoke))
            {
                await claim.CheckUnclaimedAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await CompleteAsync(claim, response).ConfigureAwait(false);

            mine.Outcome.SetResult(response);
            return (response, false);
        }
        catch (ActivityAlreadyClaimedException claimed) when (claimed.Done)
        {
            // Processed by another instance: its stored answer (an empty 200 for an invoke whose answer is gone).
            var answer = claimed.Answer ?? (ActivityTypes.Is(activity.Type, ActivityTypes.Invoke) ? new InvokeResponse(200, null) : null);
            mine.Outcome.SetResult(answer);
            return (answer, true);
        }
        catch (ActivityAlreadyClaimedException)
        {
            // Still running on another instance: Teams retries a 503 later, by when it has finished (or its lease expired).
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, mine));
            Log.ClaimedElsewhere(_logger, activity.Id);
            var retry = new TurnRetryException("The activity is being processed by another instance.");
            mine.Outcome.SetException(retry);
            throw retry;
        }
        catch (Exception ex)
        {
            // A failed turn may be retried by Teams: forget it, release its claim, and let waiting duplicates see the failure.
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, mine));
            await ReleaseAsync(claim).ConfigureAwait(false);
            mine.Outcome.SetException(ex);
            throw;
        }
    }

    private TurnClaim? NewClaim(Activity activity)
    {
        if (shared is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return new TurnClaim(shared, activity.TenantId ?? string.Empty, activity.Conversation?.Id ?? string.Empty, activity.Id!, now, now + options.Value.TurnTimeout + LeaseMargin);
    }

    private async Task CompleteAsync(TurnClaim? claim, InvokeResponse? response)
    {
        if (claim is null)
        {
            return;
        }

        try
        {
            await claim.CompleteAsync(response, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The turn is done and answered: its answer still goes out. A re-delivery now finds the claim running
            // (503) until the lease expires, then processes again: the domain's rules recognise a repeated click.
            Log.ClaimCompletionFailed(_logger, ex);
        }
    }

    private async Task ReleaseAsync(TurnClaim? claim)
    {
        if (claim is null)
        {
            return;
        }

        try
        {
            await claim.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Storage unreachable (the likely reason the turn failed): the lease expires instead, and Teams' retry after it is processed.
            Log.ClaimReleaseFailed(_logger, ex);
        }
    }

    private void Sweep()
    {
        var now = time.GetTimestamp();
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, now + time.TimestampFrequency * 10, next) != next)
        {
            return;
        }

        var window = options.Value.DuplicateWindow;
        var responseWindow = options.Value.DuplicateResponseWindow < window ? options.Value.DuplicateResponseWindow : window;
        foreach (var (key, entry) in _entries)
        {
            if (!entry.Outcome.Task.IsCompleted)
            {
                continue;
            }

            var age = time.GetElapsedTime(entry.StartedAt, now);
            if (age > window)
            {
                _entries.TryRemove(key, out _);
            }
            else if (age > responseWindow && !ReferenceEquals(entry.Outcome, AnsweredLongAgo))
            {
                _entries.TryUpdate(key, entry with { Outcome = AnsweredLongAgo }, entry);
            }
        }
    }

    private static TaskCompletionSource<InvokeResponse?> Answered()
    {
        var answered = new TaskCompletionSource<InvokeResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        answered.SetResult(new InvokeResponse(200, null));
        return answered;
    }

    private sealed record Entry(long StartedAt, TaskCompletionSource<InvokeResponse?> Outcome);
}
