using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Learning.Scheduling;

/// <summary>
/// Which question a spaced review asks: the learner's weak spots first. A question missed in the module's quizzes or
/// in a review, and not answered right since, weighs <see cref="MissedWeight"/>; one answered slowly (more than twice
/// the median time of its attempt) weighs <see cref="SlowWeight"/>; any other 1. The question of the previous review
/// of the module is not asked twice in a row. The draw is seeded, so a retried send asks the same question.
/// </summary>
public static class ReviewPicker
{
    public const int MissedWeight = 4;
    public const int SlowWeight = 2;

    public static Question Pick(Module module, Learner learner, int seed)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(learner);
        var weights = Weights(module, learner);
        var lastAsked = learner.ReviewAnswers.LastOrDefault(a => a.ModuleId == module.Id)?.QuestionId;
        var candidates = module.Questions.Where(q => q.Id != lastAsked || module.Questions.Count == 1).ToList();
        var total = candidates.Sum(q => weights[q.Id]);
        var point = new Random(seed).Next(total);
        foreach (var question in candidates)
        {
            point -= weights[question.Id];
            if (point < 0)
            {
                return question;
            }
        }

        return candidates[^1];
    }

    /// <summary>Each question's weight for this learner (see the class summary).</summary>
    public static IReadOnlyDictionary<string, int> Weights(Module module, Learner learner)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(learner);
        var latest = new Dictionary<string, (bool Correct, DateTimeOffset At)>(StringComparer.Ordinal);
        var slow = new HashSet<string>(StringComparer.Ordinal);
        var state = learner.Progress.Module(module.Id);
        foreach (var (id, folded) in state.Earlier.Questions)
        {
            if (folded.LastAnsweredAt is { } at)
            {
                Remember(latest, id, folded.LastCorrect, at);
            }

            if (folded.Slow)
            {
                slow.Add(id);
            }
        }

        foreach (var attempt in state.Attempts)
        {
            foreach (var answer in attempt.Answers)
            {
                Remember(latest, answer.QuestionId, answer.Correct, answer.At);
            }

            slow.UnionWith(attempt.SlowQuestions());
        }

        foreach (var answer in learner.ReviewAnswers.Where(a => a.ModuleId == module.Id))
        {
            Remember(latest, answer.QuestionId, answer.Correct, answer.At);
        }

        return module.Questions.ToDictionary(
            q => q.Id,
            q => latest.TryGetValue(q.Id, out var last) && !last.Correct ? MissedWeight : slow.Contains(q.Id) ? SlowWeight : 1,
            StringComparer.Ordinal);
    }

    private static void Remember(Dictionary<string, (bool Correct, DateTimeOffset At)> latest, string id, bool correct, DateTimeOffset at)
    {
        if (!latest.TryGetValue(id, out var known) || known.At <= at)
        {
            latest[id] = (correct, at);
        }
    }
}
