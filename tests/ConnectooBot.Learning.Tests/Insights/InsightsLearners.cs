using System.Collections.Immutable;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Learning.Tests.Insights;

/// <summary>Small hand-made learners for the rollup's tests (course from <see cref="CourseBuilder"/>: key "b").</summary>
internal static class InsightsLearners
{
    public const string Tenant = "tenant-1";
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A learner whose first attempt at <paramref name="moduleId"/> answered q1, q2… with these choices.</summary>
    public static Learner WithFirstAnswers(string userId, string language, string moduleId, params string[] choices) =>
        Learner(userId, language).WithAttempts(moduleId, passedAt: null, choices);

    public static Learner Learner(string userId, string language = "fr", DateTimeOffset? firstSeen = null, DateTimeOffset? lastActive = null) => new()
    {
        Key = new LearnerKey(Tenant, userId),
        Language = language,
        FirstSeen = firstSeen ?? Now.AddDays(-10),
        LastActive = lastActive ?? Now.AddDays(-1),
    };

    /// <summary>Adds finished attempts at a module (each a list of choices for q1, q2…), the lesson read; the last passes when <paramref name="passedAt"/> is set.</summary>
    public static Learner WithAttempts(this Learner learner, string moduleId, DateTimeOffset? passedAt, params string[][] attempts)
    {
        var state = new ModuleProgress { ModuleId = moduleId, FurthestStep = 4, LessonCompleted = true };
        var at = passedAt ?? Now.AddDays(-5);
        for (var i = 0; i < attempts.Length; i++)
        {
            var finished = at.AddMinutes(-10 * (attempts.Length - 1 - i));
            var answers = attempts[i].Select((c, q) => new Answer($"q{q + 1}", c, c == "b", finished)).ToImmutableList();
            state = state.WithNewAttempt(new QuizAttempt
            {
                Number = i + 1,
                QuestionIds = [.. answers.Select(a => a.QuestionId)],
                Answers = answers,
                StartedAt = finished.AddMinutes(-5),
                FinishedAt = finished,
                Passed = passedAt is not null && i == attempts.Length - 1,
                ContentVersion = "v1",
            });
        }

        return learner with { Progress = learner.Progress.With(state) };
    }

    public static Learner WithAttempts(this Learner learner, string moduleId, DateTimeOffset? passedAt, params string[] onlyAttempt) =>
        learner.WithAttempts(moduleId, passedAt, [onlyAttempt]);

    public static Learner Opened(this Learner learner, string moduleId, int step = 1, bool lessonCompleted = false) =>
        learner with { Progress = learner.Progress.With(new ModuleProgress { ModuleId = moduleId, FurthestStep = step, LessonCompleted = lessonCompleted }) };
}
