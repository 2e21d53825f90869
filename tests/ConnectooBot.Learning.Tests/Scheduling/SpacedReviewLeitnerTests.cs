using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Learning.Scheduling;

namespace ConnectooBot.Learning.Tests.Scheduling;

/// <summary>Spaced review adapts to each answer (a Leitner box per module) and favours the learner's weak spots.</summary>
public sealed class SpacedReviewLeitnerTests
{
    private static readonly DateTimeOffset PassedAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WithoutAnswers_TheGapsWiden_1_3_7_21Days_ThenTheModuleIsLearnt()
    {
        var state = new ReminderState();
        var dues = new List<DateTimeOffset>();
        while (SpacedReview.NextDue(state, "m1", PassedAt) is { } due)
        {
            dues.Add(due);
            state = SpacedReview.AfterSent(state, "m1", due);
        }

        Assert.Equal([PassedAt.AddDays(1), PassedAt.AddDays(3), PassedAt.AddDays(7), PassedAt.AddDays(21)], dues);
    }

    [Fact]
    public void AMissedReview_ComesBackTomorrow_AndStartsTheBoxesAgain()
    {
        var state = SpacedReview.AfterSent(SpacedReview.AfterSent(new ReminderState(), "m1", PassedAt.AddDays(1)), "m1", PassedAt.AddDays(3));
        var answeredAt = PassedAt.AddDays(3).AddHours(2);

        var missed = SpacedReview.AfterAnswer(state, "m1", correct: false, answeredAt);
        var right = SpacedReview.AfterAnswer(state, "m1", correct: true, answeredAt);

        Assert.Equal(answeredAt.AddDays(1), SpacedReview.NextDue(missed, "m1", PassedAt));
        Assert.Equal(0, missed.SpacedReviewsSent["m1"]);
        Assert.Equal(PassedAt.AddDays(7), SpacedReview.NextDue(right, "m1", PassedAt));
    }

    [Fact]
    public void AReviewAnswer_MovesTheBox_OnlyForASpacedReview()
    {
        var learner = new Learner { Key = new LearnerKey("t", "u"), Language = "fr", FirstSeen = PassedAt, LastActive = PassedAt };
        var answer = new ReviewAnswer("m1", "q1", Correct: false, PassedAt.AddDays(2));

        Assert.Empty(learner.WithReviewAnswer(answer).Reminders.ReviewDue);
        Assert.Equal(answer.At.AddDays(1), learner.WithReviewAnswer(answer, spacedReview: true).Reminders.ReviewDue["m1"]);
    }

    [Fact]
    public void ThePicker_FavoursMissedQuestions_ThenSlowOnes()
    {
        var module = CourseBuilder.Build(modules: 1, questions: 12).Modules[0];
        var start = PassedAt.AddHours(-1);
        var answers = module.Questions.Take(8).Select((q, i) => new Answer(q.Id, q.Id == "q3" ? "a" : "b", q.Id != "q3", start.AddSeconds(20 * (i + 1) + (q.Id == "q5" ? 300 : 0) + (i > 4 ? 300 : 0)))).ToList();
        var attempt = new QuizAttempt { Number = 1, QuestionIds = [.. answers.Select(a => a.QuestionId)], Answers = [.. answers], StartedAt = start, FinishedAt = PassedAt, ContentVersion = "v1" };
        var learner = new Learner
        {
            Key = new LearnerKey("t", "u"),
            Language = "fr",
            FirstSeen = start,
            LastActive = PassedAt,
            Progress = new CourseProgress().With(new ModuleProgress { ModuleId = "m1", Attempts = [attempt] }),
        };

        var weights = ReviewPicker.Weights(module, learner);
        var picks = Enumerable.Range(0, 2000).Select(seed => ReviewPicker.Pick(module, learner, seed).Id).ToList();

        Assert.Equal(ReviewPicker.MissedWeight, weights["q3"]);
        Assert.Equal(ReviewPicker.SlowWeight, weights["q5"]);
        Assert.Equal(1, weights["q12"]);
        Assert.True(picks.Count(p => p == "q3") > 2.5 * picks.Count(p => p == "q12"), "a missed question comes up several times as often");
        Assert.True(picks.Count(p => p == "q5") > 1.4 * picks.Count(p => p == "q12"), "a slow question comes up more often");
    }
}
