using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Learning.Learners;

/// <summary>
/// Everything the bot keeps about one learner. Immutable: a change returns a new record, which the store
/// saves with the ETag it was read with.
/// </summary>
public sealed record Learner
{
    public required LearnerKey Key { get; init; }

    /// <summary>fr, nl, de or en.</summary>
    public required string Language { get; init; }

    /// <summary>True once the learner picked a language themselves; the Teams locale no longer overrides it.</summary>
    public bool LanguageChosen { get; init; }

    /// <summary>IANA time zone from Teams' localTimezone, when known.</summary>
    public string? TimeZone { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastActive { get; init; }

    /// <summary>The name Teams shows for the learner (for the badge and the manager's report). Personal data.</summary>
    public string? DisplayName { get; init; }

    public CourseProgress Progress { get; init; } = CourseProgress.Empty;

    /// <summary>
    /// True once the learner's badge was issued and shown to them. Until then, a learner who completed the course gets
    /// it with their next course turn (also when the turn that completed the course failed before the badge), so only
    /// a complete learner without this mark costs a badge-store read.
    /// </summary>
    public bool BadgeIssued { get; init; }

    /// <summary>The teams (Teams team ids) where the learner shared their badge, so a repeated click posts nothing twice.</summary>
    public IReadOnlyList<string> BadgeSharedInTeams { get; init; } = [];

    /// <summary>Answers to questions of the week and spaced-review questions, newest last (at most <see cref="MaxReviewAnswers"/>).</summary>
    public IReadOnlyList<ReviewAnswer> ReviewAnswers { get; init; } = [];

    public ReminderState Reminders { get; init; } = new();

    public const int MaxReviewAnswers = 50;

    /// <summary>The learner with every module's earlier quiz attempts folded: a row of the older shape (every attempt kept) read today.</summary>
    public Learner Compacted()
    {
        var progress = Progress.Compacted();
        return ReferenceEquals(progress, Progress) ? this : this with { Progress = progress };
    }

    /// <summary>
    /// Records a review answer once per question and day (a double click counts once). An answer to a spaced review
    /// (<paramref name="spacedReview"/>) also moves the module's Leitner box: a miss brings the next review back to tomorrow.
    /// </summary>
    public Learner WithReviewAnswer(ReviewAnswer answer, bool spacedReview = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (ReviewAnswers.Any(a => a.QuestionId == answer.QuestionId && a.ModuleId == answer.ModuleId && a.At.Date == answer.At.Date))
        {
            return this;
        }

        var recorded = this with { ReviewAnswers = [.. ReviewAnswers.TakeLast(MaxReviewAnswers - 1), answer] };
        return spacedReview ? recorded with { Reminders = Scheduling.SpacedReview.AfterAnswer(Reminders, answer.ModuleId, answer.Correct, answer.At) } : recorded;
    }
}
