using System.Collections.Concurrent;
using ConnectooBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>
/// Processes a re-delivered activity (same conversation and <c>id</c>) once: the second arrival waits for the
/// first and gets the same invoke response. Entries expire after <see cref="BotEndpointOptions.DuplicateWindow"/>;
/// the invoke response itself (a whole card) is let go after <see cref="BotEndpointOptions.DuplicateResponseWindow"/>,
/// after which a duplicate gets an empty 200 — still without being processed again.
/// </summary>
public sealed class ActivityDeduplicator(IOptions<BotEndpointOptions> options, TimeProvider time)
{
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

        try
        {
            var response = await process().ConfigureAwait(false);
            mine.Outcome.SetResult(response);
            return (response, false);
        }
        catch (Exception ex)
        {
            // A failed turn may be retried by Teams: forget it, and let waiting duplicates see the failure.
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, mine));
            mine.Outcome.SetException(ex);
            throw;
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
