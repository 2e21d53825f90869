using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Learning.Tests.Progress;

/// <summary>In-lesson quick checks are explained and never scored; the final case is opened and quizzed like a module but is not part of the badge.</summary>
public sealed class QuickCheckAndFinalCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static Course WithQuickCheckAndCase()
    {
        var course = CourseBuilder.Build(modules: 1);
        var module = course.Modules[0];
        var steps = module.Steps.Select((s, i) => i == 1 ? s with { QuickCheckId = "q1" } : s).ToList();
        var finalCase = module with { Id = "case", Number = 2, IsCase = true, Questions = [.. module.Questions.Take(6)] };
        return course with { Modules = [module with { Steps = steps }], FinalCase = finalCase };
    }

    [Fact]
    public void AQuickCheckAnswer_IsExplained_AndChangesNothing()
    {
        var course = WithQuickCheckAndCase();
        var progress = Journey.GoToStep(course, Journey.OpenModule(course, new CourseProgress(), "m1").Progress, "m1", 0, 1).Progress;

        var wrong = Journey.QuickCheck(course, progress, "m1", 1, "q1", "a");
        var right = Journey.QuickCheck(course, progress, "m1", 1, "q1", "b");

        Assert.Same(progress, wrong.Progress);
        Assert.Equal(new JourneyOutcome.QuickCheckFeedback("m1", 1, "q1", "a", Correct: false), wrong.Outcome);
        Assert.Equal(new JourneyOutcome.QuickCheckFeedback("m1", 1, "q1", "b", Correct: true), right.Outcome);
        Assert.Empty(right.Progress.Module("m1").Attempts);
    }

    [Theory]
    [InlineData("m1", 0, "q1", "a")] // step 0 has no quick check
    [InlineData("m1", 1, "q2", "a")] // not this step's question
    [InlineData("m1", 1, "q1", "z")] // no such choice
    [InlineData("m1", 99, "q1", "a")]
    [InlineData("nope", 1, "q1", "a")]
    public void AForgedOrOldQuickCheck_IsStale(string module, int step, string question, string choice)
    {
        var course = WithQuickCheckAndCase();
        var progress = new CourseProgress();

        var result = Journey.QuickCheck(course, progress, module, step, question, choice);

        Assert.IsType<JourneyOutcome.Stale>(result.Outcome);
        Assert.Same(progress, result.Progress);
    }

    [Fact]
    public void TheFinalCase_IsQuizzedOnAllItsQuestions_InTheOrderOfItsStory_AndPassingItDoesNotCompleteTheCourseAgain()
    {
        var course = WithQuickCheckAndCase();
        var progress = new CourseProgress();
        var step = Journey.StartQuiz(course, progress, "m1", Now, seed: 1);
        foreach (var id in step.Progress.Module("m1").OpenAttempt!.QuestionIds)
        {
            step = Journey.Answer(course, step.Progress, "m1", 1, id, "b", Now);
        }

        Assert.True(Assert.IsType<JourneyOutcome.QuizResult>(Journey.AfterFeedback(course, step.Progress, "m1", 1).Outcome).CourseCompleted);

        step = Journey.StartQuiz(course, step.Progress, "case", Now, seed: 2);
        var questions = step.Progress.Module("case").OpenAttempt!.QuestionIds;
        Assert.Equal(course.FinalCase!.Questions.Select(q => q.Id), questions); // one story, told in order: never shuffled
        foreach (var id in questions)
        {
            step = Journey.Answer(course, step.Progress, "case", 1, id, "b", Now);
        }

        var result = Assert.IsType<JourneyOutcome.QuizResult>(Journey.AfterFeedback(course, step.Progress, "case", 1).Outcome);
        Assert.True(result.Passed);
        Assert.False(result.CourseCompleted);
    }
}
