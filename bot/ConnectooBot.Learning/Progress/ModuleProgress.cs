using System.Collections.Immutable;

namespace ConnectooBot.Learning.Progress;

/// <summary>
/// One module: how far the lesson went, the last quiz attempt in full (it may still be open), the earlier attempts
/// folded into <see cref="Folded"/> (count, best score, first pass, one record per question), and whether it is passed.
/// The record stays bounded whatever the number of attempts.
/// </summary>
public sealed record ModuleProgress
{
    public required string ModuleId { get; init; }

    /// <summary>The furthest lesson step index the learner reached (-1: not started).</summary>
    public int FurthestStep { get; init; } = -1;

    public bool LessonCompleted { get; init; }

    /// <summary>
    /// The last attempt (at most one once <see cref="Compacted"/>; rows written before the history was folded held every
    /// attempt, and are compacted when read).
    /// </summary>
    public ImmutableList<QuizAttempt> Attempts { get; init; } = [];

    /// <summary>The attempts before <see cref="Attempts"/>, folded (null until there is one).</summary>
    public EarlierAttempts? Folded { get; init; }

    /// <summary><see cref="Folded"/>, or an empty summary.</summary>
    public EarlierAttempts Earlier => Folded ?? EarlierAttempts.None;

    public QuizAttempt? OpenAttempt => Attempts.Count > 0 && Attempts[^1].FinishedAt is null ? Attempts[^1] : null;

    public QuizAttempt? LastAttempt => Attempts.Count > 0 ? Attempts[^1] : null;

    /// <summary>How many attempts were started, all told.</summary>
    public int AttemptCount => Math.Max(Earlier.Count, Attempts.Count > 0 ? Attempts.Max(a => a.Number) : 0);

    /// <summary>The best score of a finished attempt, if any.</summary>
    public decimal? BestScore => Attempts.Where(a => a.FinishedAt is not null).Select(a => (decimal?)a.Score).Append(Earlier.BestScore).Max();

    public bool Passed => PassedAt is not null;

    public DateTimeOffset? PassedAt => Earlier.PassedAt ?? Attempts.FirstOrDefault(a => a.Passed)?.FinishedAt;

    /// <summary>The attempt numbered <paramref name="number"/>, if it is still kept in full.</summary>
    public QuizAttempt? FindAttempt(int number) => Attempts.FirstOrDefault(a => a.Number == number);

    /// <summary>A new attempt: the previous one is folded into <see cref="Earlier"/>, and only the new one is kept in full.</summary>
    public ModuleProgress WithNewAttempt(QuizAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return this with { Attempts = [attempt], Folded = Attempts.Count == 0 ? Folded : Attempts.Aggregate(Earlier, (earlier, a) => earlier.Fold(a)) };
    }

    /// <summary>Every attempt but the last folded into <see cref="Earlier"/> (the same record when there is nothing to fold).</summary>
    public ModuleProgress Compacted() =>
        Attempts.Count <= 1 ? this : this with { Attempts = [Attempts[^1]], Folded = Attempts.Take(Attempts.Count - 1).Aggregate(Earlier, (earlier, a) => earlier.Fold(a)) };

    /// <summary>Question id → the number of the last attempt that drew it (0: never), for <see cref="QuestionDraw"/>.</summary>
    public IReadOnlyDictionary<string, int> LastDrawn()
    {
        var drawn = Earlier.Questions.Where(q => q.Value.LastDrawn > 0).ToDictionary(q => q.Key, q => q.Value.LastDrawn, StringComparer.Ordinal);
        foreach (var attempt in Attempts)
        {
            foreach (var id in attempt.QuestionIds)
            {
                drawn[id] = Math.Max(drawn.GetValueOrDefault(id), attempt.Number);
            }
        }

        return drawn;
    }
}
