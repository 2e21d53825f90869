using System.Collections.Immutable;

namespace ConnectooBot.Learning.Progress;

/// <summary>One module: how far the lesson went, every quiz attempt, and whether it is passed.</summary>
public sealed record ModuleProgress
{
    public required string ModuleId { get; init; }

    /// <summary>The furthest lesson step index the learner reached (-1: not started).</summary>
    public int FurthestStep { get; init; } = -1;

    public bool LessonCompleted { get; init; }

    /// <summary>Every attempt, oldest first; the last one may still be open.</summary>
    public ImmutableList<QuizAttempt> Attempts { get; init; } = [];

    public QuizAttempt? OpenAttempt => Attempts.Count > 0 && Attempts[^1].FinishedAt is null ? Attempts[^1] : null;

    public QuizAttempt? BestAttempt => Attempts.Where(a => a.FinishedAt is not null).MaxBy(a => a.Score);

    public bool Passed => Attempts.Any(a => a.Passed);

    public DateTimeOffset? PassedAt => Attempts.FirstOrDefault(a => a.Passed)?.FinishedAt;
}
