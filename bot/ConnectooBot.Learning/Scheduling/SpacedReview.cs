using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Learning.Scheduling;

/// <summary>
/// Retrieval practice after a module is passed, as a small Leitner system per module: the box is
/// <see cref="ReminderState.SpacedReviewsSent"/>; box <c>n</c> waits <see cref="IntervalsInDays"/>[n] days. Sending a
/// review moves the module up a box (an unanswered review does not come back sooner); a wrong answer sends it back
/// to the first box (tomorrow again), a right one keeps the widening gaps. After the last box the module is learnt.
/// </summary>
public static class SpacedReview
{
    public static IReadOnlyList<int> IntervalsInDays { get; } = [1, 3, 7, 21];

    public static IReadOnlyList<DateTimeOffset> DueDates(DateTimeOffset passedAt) =>
        [.. IntervalsInDays.Select(days => passedAt.AddDays(days))];

    /// <summary>When the module's next review is due, or null when it has gone through every box.</summary>
    public static DateTimeOffset? NextDue(ReminderState state, string moduleId, DateTimeOffset passedAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        var box = state.SpacedReviewsSent.GetValueOrDefault(moduleId);
        if (box >= IntervalsInDays.Count)
        {
            return null;
        }

        return state.ReviewDue.TryGetValue(moduleId, out var due) ? due : passedAt.AddDays(IntervalsInDays[box]);
    }

    /// <summary>The state after a review of the module was sent at <paramref name="now"/>: one box up, the next due after that box's gap.</summary>
    public static ReminderState AfterSent(ReminderState state, string moduleId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var box = state.SpacedReviewsSent.GetValueOrDefault(moduleId) + 1;
        var reviews = state.SpacedReviewsSent.SetItem(moduleId, box);
        return box >= IntervalsInDays.Count
            ? state with { SpacedReviewsSent = reviews, ReviewDue = state.ReviewDue.Remove(moduleId) }
            : state with { SpacedReviewsSent = reviews, ReviewDue = state.ReviewDue.SetItem(moduleId, now.AddDays(IntervalsInDays[box] - IntervalsInDays[box - 1])) };
    }

    /// <summary>The state after the learner answered a review of the module: a miss starts the boxes again (due tomorrow).</summary>
    public static ReminderState AfterAnswer(ReminderState state, string moduleId, bool correct, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return correct
            ? state
            : state with
            {
                SpacedReviewsSent = state.SpacedReviewsSent.SetItem(moduleId, 0),
                ReviewDue = state.ReviewDue.SetItem(moduleId, now.AddDays(IntervalsInDays[0])),
            };
    }
}
