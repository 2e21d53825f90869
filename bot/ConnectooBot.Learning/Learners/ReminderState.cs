using System.Collections.Immutable;

namespace ConnectooBot.Learning.Learners;

/// <summary>What the learner chose about personal reminders, and what was already sent.</summary>
public sealed record ReminderState
{
    /// <summary>The learner turned reminders and spaced review off.</summary>
    public bool Off { get; init; }

    public DateTimeOffset? SnoozedUntil { get; init; }

    public DateTimeOffset? LastReminderAt { get; init; }

    /// <summary>Module id → how many spaced-review questions were sent after it was passed (0–4).</summary>
    public ImmutableDictionary<string, int> SpacedReviewsSent { get; init; } = ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>When each module's next spaced review is due (see <see cref="Scheduling.SpacedReview"/>); missing: from the pass date.</summary>
    public ImmutableDictionary<string, DateTimeOffset> ReviewDue { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty.WithComparers(StringComparer.Ordinal);

    public bool IsQuiet(DateTimeOffset now) => Off || (SnoozedUntil is { } until && until > now);
}
