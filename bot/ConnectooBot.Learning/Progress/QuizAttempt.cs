using System.Collections.Immutable;

namespace ConnectooBot.Learning.Progress;

/// <summary>A quiz attempt: the questions drawn for it, in order, and the answers given.</summary>
public sealed record QuizAttempt
{
    /// <summary>1-based, per module.</summary>
    public required int Number { get; init; }

    public required ImmutableList<string> QuestionIds { get; init; }

    public ImmutableList<Answer> Answers { get; init; } = [];

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The content version the attempt was drawn from.</summary>
    public required string ContentVersion { get; init; }

    /// <summary>Share of correct answers among the drawn questions (0..1), once finished.</summary>
    public decimal Score => QuestionIds.Count == 0 ? 0 : (decimal)Answers.Count(a => a.Correct) / QuestionIds.Count;

    public bool Passed { get; init; }

    /// <summary>Index of the next unanswered question, or the count when all are answered.</summary>
    public int NextQuestionIndex => Answers.Count;

    public Answer? AnswerTo(string questionId) => Answers.FirstOrDefault(a => a.QuestionId == questionId);

    /// <summary>The questions answered slowly: more than twice the median time of this attempt's answers (with 3 answers or more).</summary>
    public IReadOnlySet<string> SlowQuestions()
    {
        var times = new List<(string Id, TimeSpan Took)>();
        var previous = StartedAt;
        foreach (var answer in Answers)
        {
            times.Add((answer.QuestionId, answer.At - previous));
            previous = answer.At;
        }

        if (times.Count < 3)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var median = times.Select(t => t.Took).Order().ElementAt(times.Count / 2);
        return times.Where(t => t.Took > median * 2).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
    }
}

public sealed record Answer(string QuestionId, string ChoiceId, bool Correct, DateTimeOffset At);
