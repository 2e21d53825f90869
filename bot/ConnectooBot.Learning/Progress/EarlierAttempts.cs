using System.Collections.Immutable;

namespace ConnectooBot.Learning.Progress;

/// <summary>
/// The quiz attempts of a module before the last one, folded: how many, the best score, when the module was first
/// passed, and one <see cref="QuestionRecord"/> per question. Bounded by the module's bank, whatever the number of attempts.
/// </summary>
public sealed record EarlierAttempts
{
    public static EarlierAttempts None { get; } = new();

    /// <summary>The highest attempt number folded (attempts are numbered from 1).</summary>
    public int Count { get; init; }

    public decimal? BestScore { get; init; }

    public DateTimeOffset? PassedAt { get; init; }

    public ImmutableDictionary<string, QuestionRecord> Questions { get; init; } = ImmutableDictionary<string, QuestionRecord>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>This summary with <paramref name="attempt"/> folded in (attempts are folded oldest first).</summary>
    public EarlierAttempts Fold(QuizAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var questions = Questions.ToBuilder();
        foreach (var id in attempt.QuestionIds)
        {
            var drawn = questions.GetValueOrDefault(id) ?? new QuestionRecord();
            questions[id] = drawn with { LastDrawn = Math.Max(drawn.LastDrawn, attempt.Number) };
        }

        var slow = attempt.SlowQuestions();
        foreach (var answer in attempt.Answers)
        {
            var known = questions.GetValueOrDefault(answer.QuestionId) ?? new QuestionRecord();
            questions[answer.QuestionId] = known with
            {
                FirstChoice = known.FirstChoice ?? answer.ChoiceId,
                FirstCorrect = known.FirstChoice is null ? answer.Correct : known.FirstCorrect,
                LastCorrect = known.LastAnsweredAt is { } last && last > answer.At ? known.LastCorrect : answer.Correct,
                LastAnsweredAt = known.LastAnsweredAt is { } at && at > answer.At ? at : answer.At,
                Slow = known.Slow || slow.Contains(answer.QuestionId),
            };
        }

        var finished = attempt.FinishedAt is not null;
        return this with
        {
            Count = Math.Max(Count, attempt.Number),
            BestScore = finished && (BestScore is null || attempt.Score > BestScore) ? attempt.Score : BestScore,
            PassedAt = PassedAt ?? (attempt.Passed ? attempt.FinishedAt : null),
            Questions = questions.ToImmutable(),
        };
    }
}
