using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Web.Course;

/// <summary>
/// Every card a learner can meet in one module, in one language, exactly as the bot renders them: the course map,
/// each lesson step, the lesson's end, each question, the feedback for each choice, a passed and a failed result,
/// and the stale-click card. Used by the authors' preview command and by the card checks in the tests.
/// </summary>
internal sealed class ModulePreview(Learning.Catalog.Course course, CourseCards cards)
{
    public IEnumerable<(string Name, JsonObject Card)> Cards(string moduleId, string language)
    {
        var module = course.FindModule(moduleId) ?? throw new ArgumentException($"No module '{moduleId}'.", nameof(moduleId));
        var bank = module.Questions.Select(q => q.Id).ToImmutableList();
        var attempt = new QuizAttempt { Number = 1, QuestionIds = bank, StartedAt = DateTimeOffset.UnixEpoch, ContentVersion = course.Version };
        var learner = new Learner
        {
            Key = new LearnerKey("preview", "preview"),
            Language = language,
            FirstSeen = DateTimeOffset.UnixEpoch,
            LastActive = DateTimeOffset.UnixEpoch,
            Progress = CourseProgress.Empty.With(new ModuleProgress { ModuleId = moduleId, FurthestStep = 1, Attempts = [attempt] })
                with { Current = new Position(moduleId, PositionKind.Lesson, 1) },
        };

        yield return ("00-course-map", cards.Map(learner));
        for (var i = 0; i <= module.Steps.Count; i++)
        {
            yield return ($"10-lesson-{i + 1:00}", cards.Render(learner, new JourneyOutcome.LessonStep(moduleId, i)));
        }

        for (var i = 0; i < bank.Count; i++)
        {
            var question = module.Questions[i];
            yield return ($"20-question-{i + 1:00}-{question.Id}", cards.Render(learner, new JourneyOutcome.Question(moduleId, 1, i, question.Id)));
            foreach (var choice in question.Choices)
            {
                var outcome = new JourneyOutcome.Feedback(moduleId, 1, i, question.Id, choice, choice == question.Correct, IsLast: i == bank.Count - 1, Replayed: false);
                yield return ($"21-feedback-{i + 1:00}-{question.Id}-{choice}", cards.Render(learner, outcome));
            }
        }

        var review = module.Steps.Take(2).Select(s => s.Id).ToList();
        yield return ("30-result-passed", cards.Render(learner, new JourneyOutcome.QuizResult(moduleId, 1, 8, 8, true, [], false)));
        yield return ("31-result-failed", cards.Render(learner, new JourneyOutcome.QuizResult(moduleId, 1, 5, 8, false, review, false)));
        yield return ("32-result-course-completed", cards.Render(learner, new JourneyOutcome.QuizResult(moduleId, 1, 7, 8, true, [], true)));
        yield return ("40-stale", cards.Render(learner, new JourneyOutcome.Stale(learner.Progress.Current)));
    }
}
