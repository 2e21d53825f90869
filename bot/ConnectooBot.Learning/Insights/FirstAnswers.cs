using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Learning.Insights;

/// <summary>The first quiz answer a learner gave to a question of a module: the choice and whether it was right.</summary>
public sealed record FirstAnswer(string QuestionId, string ChoiceId, bool Correct);

/// <summary>
/// The first answer to each question of a module, from what the learner record keeps: the folded attempts' question
/// records (<see cref="QuestionRecord.FirstChoice"/>) first, then the answers of the attempt still kept in full for
/// questions the folded history never saw answered.
/// </summary>
public static class FirstAnswers
{
    public static IReadOnlyList<FirstAnswer> Of(ModuleProgress module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var firsts = new Dictionary<string, FirstAnswer>(StringComparer.Ordinal);
        foreach (var (questionId, record) in module.Earlier.Questions.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            if (record.FirstChoice is { } choice)
            {
                firsts[questionId] = new FirstAnswer(questionId, choice, record.FirstCorrect);
            }
        }

        foreach (var attempt in module.Attempts.OrderBy(a => a.Number))
        {
            foreach (var answer in attempt.Answers)
            {
                firsts.TryAdd(answer.QuestionId, new FirstAnswer(answer.QuestionId, answer.ChoiceId, answer.Correct));
            }
        }

        return [.. firsts.Values];
    }
}
