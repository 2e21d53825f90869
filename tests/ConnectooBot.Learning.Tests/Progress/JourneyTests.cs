using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Learning.Tests.Progress;

public sealed class JourneyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly Course _course = CourseBuilder.Build();

    private CourseProgress Take(CourseProgress progress, string moduleId, int correctAnswers, int seed = 7)
    {
        progress = Journey.StartQuiz(_course, progress, moduleId, Now, seed).Progress;
        var attempt = progress.Module(moduleId).OpenAttempt!;
        for (var i = 0; i < attempt.QuestionIds.Count; i++)
        {
            progress = Journey.Answer(_course, progress, moduleId, attempt.Number, attempt.QuestionIds[i], i < correctAnswers ? "b" : "a", Now).Progress;
        }

        return progress;
    }

    [Fact]
    public void OpenModule_New_ShowsFirstStep()
    {
        var step = Journey.OpenModule(_course, CourseProgress.Empty, "m1");

        Assert.Equal(new JourneyOutcome.LessonStep("m1", 0), step.Outcome);
        Assert.Equal(new Position("m1", PositionKind.Lesson, 0), step.Progress.Current);
    }

    [Fact]
    public void GoToStep_NextThenBack_MovesAndRemembersTheFurthestStep()
    {
        var progress = Journey.OpenModule(_course, CourseProgress.Empty, "m1").Progress;
        progress = Journey.GoToStep(_course, progress, "m1", 0, 1).Progress;
        progress = Journey.GoToStep(_course, progress, "m1", 1, 2).Progress;

        var back = Journey.GoToStep(_course, progress, "m1", 2, 1);

        Assert.Equal(new JourneyOutcome.LessonStep("m1", 1), back.Outcome);
        Assert.Equal(2, back.Progress.Module("m1").FurthestStep);
    }

    [Fact]
    public void GoToStep_DoubleClickOnNext_MovesOnce()
    {
        var progress = Journey.OpenModule(_course, CourseProgress.Empty, "m1").Progress;
        progress = Journey.GoToStep(_course, progress, "m1", 0, 1).Progress;

        var again = Journey.GoToStep(_course, progress, "m1", 0, 1);

        Assert.Same(progress, again.Progress);
        Assert.Equal(new JourneyOutcome.LessonStep("m1", 1), again.Outcome);
    }

    [Fact]
    public void GoToStep_FromAnOldCard_IsStaleAndChangesNothing()
    {
        var progress = Journey.OpenModule(_course, CourseProgress.Empty, "m1").Progress;
        progress = Journey.GoToStep(_course, progress, "m1", 0, 1).Progress;
        progress = Journey.GoToStep(_course, progress, "m1", 1, 2).Progress;

        var old = Journey.GoToStep(_course, progress, "m1", 0, 1);

        Assert.Same(progress, old.Progress);
        Assert.Equal(new JourneyOutcome.Stale(new Position("m1", PositionKind.Lesson, 2)), old.Outcome);
    }

    [Fact]
    public void GoToStep_FromAnOldCardOfAnotherModule_ShowsTheStepToRead_AndTheLearnersPlaceStays()
    {
        var progress = Journey.OpenModule(_course, CourseProgress.Empty, "m1").Progress;
        progress = Journey.OpenModule(_course, progress, "m2").Progress; // the learner went on to module 2

        var next = Journey.GoToStep(_course, progress, "m1", 0, 1); // Next on module 1's first card, still in the chat

        Assert.Same(progress, next.Progress);
        Assert.Equal(new JourneyOutcome.LessonStep("m1", 1), next.Outcome);
    }

    [Fact]
    public void GoToStep_PastTheLastStep_CompletesTheLesson()
    {
        var progress = Journey.OpenModule(_course, CourseProgress.Empty, "m1").Progress;
        for (var i = 0; i < 5; i++)
        {
            progress = Journey.GoToStep(_course, progress, "m1", i, i + 1).Progress;
        }

        Assert.True(progress.Module("m1").LessonCompleted);
        Assert.Equal(new Position("m1", PositionKind.Lesson, 5), progress.Current);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7)]
    public void GoToStep_TamperedIndex_IsStale(int toIndex)
    {
        var progress = Journey.OpenModule(_course, CourseProgress.Empty, "m1").Progress;

        Assert.IsType<JourneyOutcome.Stale>(Journey.GoToStep(_course, progress, "m1", 0, toIndex).Outcome);
    }

    [Fact]
    public void StartQuiz_DrawsEightDistinctQuestionsFromTheBank()
    {
        var step = Journey.StartQuiz(_course, CourseProgress.Empty, "m1", Now, seed: 1);

        var attempt = step.Progress.Module("m1").OpenAttempt!;
        Assert.Equal(8, attempt.QuestionIds.Count);
        Assert.Equal(8, attempt.QuestionIds.Distinct().Count());
        Assert.Equal(new JourneyOutcome.Question("m1", 1, 0, attempt.QuestionIds[0]), step.Outcome);
    }

    [Fact]
    public void StartQuiz_Twice_ResumesTheOpenAttempt()
    {
        var first = Journey.StartQuiz(_course, CourseProgress.Empty, "m1", Now, seed: 1).Progress;

        var second = Journey.StartQuiz(_course, first, "m1", Now, seed: 2).Progress;

        Assert.Single(second.Module("m1").Attempts);
    }

    [Fact]
    public void Answer_Correct_IsRecordedWithFeedback()
    {
        var progress = Journey.StartQuiz(_course, CourseProgress.Empty, "m1", Now, 1).Progress;
        var first = progress.Module("m1").OpenAttempt!.QuestionIds[0];

        var step = Journey.Answer(_course, progress, "m1", 1, first, "b", Now);

        Assert.Equal(new JourneyOutcome.Feedback("m1", 1, 0, first, "b", Correct: true, IsLast: false, Replayed: false), step.Outcome);
        Assert.Single(step.Progress.Module("m1").OpenAttempt!.Answers);
    }

    [Fact]
    public void Answer_DoubleClick_CountsOnceAndReplaysTheFirstAnswer()
    {
        var progress = Journey.StartQuiz(_course, CourseProgress.Empty, "m1", Now, 1).Progress;
        var first = progress.Module("m1").OpenAttempt!.QuestionIds[0];
        progress = Journey.Answer(_course, progress, "m1", 1, first, "a", Now).Progress;

        var again = Journey.Answer(_course, progress, "m1", 1, first, "b", Now);

        Assert.Same(progress, again.Progress);
        var feedback = Assert.IsType<JourneyOutcome.Feedback>(again.Outcome);
        Assert.Equal("a", feedback.ChoiceId);
        Assert.True(feedback.Replayed);
    }

    [Fact]
    public void Answer_ToAQuestionTheLearnerIsNotOn_IsStale()
    {
        var progress = Journey.StartQuiz(_course, CourseProgress.Empty, "m1", Now, 1).Progress;
        var third = progress.Module("m1").OpenAttempt!.QuestionIds[2];

        var step = Journey.Answer(_course, progress, "m1", 1, third, "b", Now);

        Assert.Same(progress, step.Progress);
        Assert.IsType<JourneyOutcome.Stale>(step.Outcome);
    }

    [Theory]
    [InlineData("m1", 2, "b")]   // an attempt that does not exist
    [InlineData("m9", 1, "b")]   // a module that does not exist
    [InlineData("m1", 1, "z")]   // a choice the question does not have
    public void Answer_Tampered_IsStaleAndChangesNothing(string module, int attempt, string choice)
    {
        var progress = Journey.StartQuiz(_course, CourseProgress.Empty, "m1", Now, 1).Progress;
        var first = progress.Module("m1").OpenAttempt!.QuestionIds[0];

        var step = Journey.Answer(_course, progress, module, attempt, first, choice, Now);

        Assert.Same(progress, step.Progress);
        Assert.IsType<JourneyOutcome.Stale>(step.Outcome);
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(7, true)]    // 87.5 %
    [InlineData(6, false)]   // 75 %
    public void Quiz_PassesAtEightyPercent(int correct, bool passed)
    {
        var progress = Take(CourseProgress.Empty, "m1", correct);

        var attempt = progress.Module("m1").Attempts.Single();
        Assert.NotNull(attempt.FinishedAt);
        Assert.Equal(passed, attempt.Passed);
        Assert.Equal(passed, progress.Module("m1").Passed);
    }

    [Fact]
    public void Result_AfterAFail_NamesTheStepsToReviewInLessonOrder()
    {
        var progress = Take(CourseProgress.Empty, "m1", correctAnswers: 5);
        var attempt = progress.Module("m1").Attempts.Single();
        var missedSteps = attempt.Answers.Where(a => !a.Correct)
            .Select(a => _course.FindModule("m1")!.FindQuestion(a.QuestionId)!.Checks[0]).Distinct().OrderBy(s => s, StringComparer.Ordinal);

        var result = Assert.IsType<JourneyOutcome.QuizResult>(Journey.AfterFeedback(_course, progress, "m1", 1).Outcome);

        Assert.False(result.Passed);
        Assert.Equal(5, result.Correct);
        Assert.Equal(missedSteps, result.ReviewStepIds);
    }

    [Fact]
    public void Retry_MeetsQuestionsItDidNotSeeFirst()
    {
        var progress = Take(CourseProgress.Empty, "m1", correctAnswers: 2);
        var first = progress.Module("m1").Attempts[0].QuestionIds;

        progress = Journey.StartQuiz(_course, progress, "m1", Now, seed: 99).Progress;

        // The new attempt is kept in full; the first is folded into the module's earlier attempts.
        var second = progress.Module("m1").Attempts.Single().QuestionIds;
        Assert.Equal(2, progress.Module("m1").Attempts.Single().Number);
        Assert.Equal(2, progress.Module("m1").AttemptCount);
        Assert.Equal(4, second.Except(first).Count()); // all 4 unseen questions come first
    }

    [Fact]
    public void Result_WhenEveryModuleIsPassed_SaysTheCourseIsCompleted()
    {
        var progress = Take(CourseProgress.Empty, "m1", 8);
        progress = Take(progress, "m2", 8);

        var result = Assert.IsType<JourneyOutcome.QuizResult>(Journey.AfterFeedback(_course, progress, "m2", 1).Outcome);

        Assert.True(result.CourseCompleted);
    }

    [Fact]
    public void Continue_ResumesExactlyWhereTheLearnerStopped()
    {
        var progress = Journey.OpenModule(_course, CourseProgress.Empty, "m2").Progress;
        progress = Journey.GoToStep(_course, progress, "m2", 0, 1).Progress;

        Assert.Equal(new JourneyOutcome.LessonStep("m2", 1), Journey.Continue(_course, progress).Outcome);
        Assert.IsType<JourneyOutcome.CourseMap>(Journey.Continue(_course, CourseProgress.Empty).Outcome);
    }

    [Fact]
    public void OpenModule_WithAnOpenQuiz_ResumesTheQuiz()
    {
        var progress = Journey.StartQuiz(_course, CourseProgress.Empty, "m1", Now, 1).Progress;
        var first = progress.Module("m1").OpenAttempt!.QuestionIds[0];
        progress = Journey.Answer(_course, progress, "m1", 1, first, "b", Now).Progress;
        progress = Journey.OpenModule(_course, progress, "m2").Progress;

        var back = Journey.OpenModule(_course, progress, "m1");

        var question = Assert.IsType<JourneyOutcome.Question>(back.Outcome);
        Assert.Equal(1, question.Index);
    }

    [Fact]
    public void Draw_IsDeterministicForASeed()
    {
        var module = _course.FindModule("m1")!;

        Assert.Equal(QuestionDraw.Draw(module, [], 8, 42), QuestionDraw.Draw(module, [], 8, 42));
        Assert.Equal(QuestionDraw.Seed("a", "b"), QuestionDraw.Seed("a", "b"));
        Assert.NotEqual(QuestionDraw.Seed("a", "b"), QuestionDraw.Seed("ab"));
    }

    [Fact]
    public void AFirstAttempt_DrawsNoQuestionTheLessonAskedAsAQuickCheck_WhenTheBankHasEnoughOthers()
    {
        // 12 questions, 4 of them quick checks of lesson steps: the 8 others make the first attempt, whatever the seed.
        var module = WithQuickChecks(CourseBuilder.Build(questions: 12).FindModule("m1")!, "q1", "q4", "q7", "q10");

        foreach (var seed in Enumerable.Range(0, 50))
        {
            Assert.DoesNotContain(QuestionDraw.Draw(module, [], 8, seed), module.QuickCheckIds.Contains);
        }
    }

    [Fact]
    public void AFirstAttempt_TakesQuickChecksOnlyToFillUp_AndTheNextAttemptStillPrefersUnseenQuestions()
    {
        // 10 questions, 4 quick checks: 6 others, so the first attempt holds all 6 and 2 quick checks.
        var module = WithQuickChecks(CourseBuilder.Build(questions: 10).FindModule("m1")!, "q1", "q4", "q7", "q10");

        var first = QuestionDraw.Draw(module, [], 8, 7);
        var second = QuestionDraw.Draw(module, [new QuizAttempt { Number = 1, QuestionIds = first, StartedAt = DateTimeOffset.UnixEpoch, ContentVersion = "v1" }], 8, 8);

        Assert.Equal(6, first.Count(q => !module.QuickCheckIds.Contains(q)));
        Assert.Equal(2, first.Count(module.QuickCheckIds.Contains));
        Assert.Subset(second.ToHashSet(), module.QuickCheckIds.Except(first).ToHashSet()); // the 2 unseen come first
    }

    private static Module WithQuickChecks(Module module, params string[] questionIds) => module with
    {
        Steps = [.. module.Steps.Select((step, i) => i < questionIds.Length ? step with { QuickCheckId = questionIds[i] } : step)],
    };
}
