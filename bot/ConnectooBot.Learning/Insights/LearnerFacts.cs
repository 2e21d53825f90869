using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Learning.Insights;

/// <summary>What one module's progress says for the programme figures (see the folder's README for the definitions).</summary>
/// <param name="Opened">The module is in the learner's progress with a lesson step reached, the lesson completed or a quiz attempt started.</param>
/// <param name="TookQuiz">At least one quiz attempt was finished (or folded away: an attempt is folded when the next one starts).</param>
/// <param name="FirstAttemptPass">Passed, and only one attempt was ever started (the folded history does not keep which attempt passed).</param>
/// <param name="Attempts">Quiz attempts started, all told.</param>
internal sealed record ModuleFacts(bool Opened, bool LessonCompleted, bool Passed, bool TookQuiz, bool FirstAttemptPass, int Attempts);

/// <summary>One learner reduced to the facts the rollup counts; nothing of it leaves the rollup.</summary>
internal sealed record LearnerFacts(
    string Language,
    bool Started,
    bool Completed,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<ModuleFacts> Modules,
    IReadOnlyList<DateTimeOffset> Instants)
{
    public static LearnerFacts Of(Course course, Learner learner)
    {
        var modules = new List<ModuleFacts>(course.Modules.Count);
        foreach (var module in course.Modules)
        {
            modules.Add(Facts(learner.Progress.Modules.GetValueOrDefault(module.Id)));
        }

        var started = modules.Any(m => m.Opened)
            || (course.FinalCase is { } finalCase && Facts(learner.Progress.Modules.GetValueOrDefault(finalCase.Id)).Opened);
        var completed = course.Modules.Count > 0 && modules.All(m => m.Passed);
        DateTimeOffset? completedAt = completed ? course.Modules.Max(m => learner.Progress.Modules[m.Id].PassedAt) : null;
        return new LearnerFacts(learner.Language, started, completed, completedAt, modules, InstantsOf(learner));
    }

    private static ModuleFacts Facts(ModuleProgress? progress)
    {
        if (progress is null)
        {
            return new ModuleFacts(false, false, false, false, false, 0);
        }

        var attempts = progress.AttemptCount;
        var opened = progress.FurthestStep >= 0 || progress.LessonCompleted || attempts > 0;
        var took = progress.Earlier.Count > 0 || progress.Attempts.Any(a => a.FinishedAt is not null);
        return new ModuleFacts(opened, progress.LessonCompleted, progress.Passed, took, progress.Passed && attempts == 1, attempts);
    }

    /// <summary>Every instant the record keeps: first and last turn, quiz attempts and answers, first passes, review answers.</summary>
    private static List<DateTimeOffset> InstantsOf(Learner learner)
    {
        var instants = new List<DateTimeOffset> { learner.FirstSeen, learner.LastActive };
        foreach (var module in learner.Progress.Modules.Values)
        {
            if (module.Earlier.PassedAt is { } passed)
            {
                instants.Add(passed);
            }

            instants.AddRange(module.Earlier.Questions.Values.Select(q => q.LastAnsweredAt).OfType<DateTimeOffset>());
            foreach (var attempt in module.Attempts)
            {
                instants.Add(attempt.StartedAt);
                if (attempt.FinishedAt is { } finished)
                {
                    instants.Add(finished);
                }

                instants.AddRange(attempt.Answers.Select(a => a.At));
            }
        }

        instants.AddRange(learner.ReviewAnswers.Select(a => a.At));
        return instants;
    }
}
