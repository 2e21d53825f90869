using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Protocol.Tests.Connector;

/// <summary>A <see cref="FakeTimeProvider"/> that lets a test await the creation of a timer with a given due time.</summary>
internal sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Created)> _waiters = [];

    public TimerRecordingTimeProvider()
        : base(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.DueTime == dueTime))
            {
                waiter.Created.TrySetResult();
            }
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }

    public Task WaitForTimerAsync(TimeSpan dueTime)
    {
        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_dueTimes.Contains(dueTime))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((dueTime, created));
        }

        return created.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
