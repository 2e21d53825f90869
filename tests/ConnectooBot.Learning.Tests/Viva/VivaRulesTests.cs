using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Learning.Viva;

namespace ConnectooBot.Learning.Tests.Viva;

public sealed class VivaRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Learning.Catalog.Module Module = CourseBuilder.Build(modules: 1, steps: 5).Modules[0];

    private static ModuleProgress Progress(int furthest = -1, bool lessonDone = false, bool passed = false, bool attempt = false) => new()
    {
        ModuleId = Module.Id,
        FurthestStep = furthest,
        LessonCompleted = lessonDone,
        Attempts = passed || attempt
            ? [new QuizAttempt { Number = 1, QuestionIds = ["q1"], StartedAt = At, FinishedAt = passed ? At.AddMinutes(5) : null, ContentVersion = "v1", Passed = passed }]
            : [],
    };

    [Fact]
    public void Target_NeverOpened_IsNothing() => Assert.Null(VivaRules.Target(Module, Progress()));

    [Theory]
    [InlineData(0, false, 16)] // 1 of 5 steps, the quiz a 6th: ⌊100 × 1/6⌋
    [InlineData(2, false, 50)]
    [InlineData(4, true, 83)]
    public void Target_Opened_IsInProgressWithTheShareOfStepsReached(int furthest, bool lessonDone, int percentage) =>
        Assert.Equal(new VivaTarget(VivaStatus.InProgress, percentage, null), VivaRules.Target(Module, Progress(furthest, lessonDone)));

    [Fact]
    public void Target_QuizStartedStraightAway_IsInProgressAtOnePercent() =>
        Assert.Equal(new VivaTarget(VivaStatus.InProgress, 1, null), VivaRules.Target(Module, Progress(attempt: true)));

    [Fact]
    public void Target_Passed_IsCompletedAtTheDateOfThePass() =>
        Assert.Equal(new VivaTarget(VivaStatus.Completed, 100, At.AddMinutes(5)), VivaRules.Target(Module, Progress(0, passed: true)));

    [Fact]
    public void Update_NeverGoesBackwards()
    {
        var half = new VivaTarget(VivaStatus.InProgress, 50, null);
        var done = new VivaTarget(VivaStatus.Completed, 100, At);

        Assert.Equal(half, VivaRules.Update(null, half));
        Assert.Null(VivaRules.Update(half, half));
        Assert.Null(VivaRules.Update(half, new VivaTarget(VivaStatus.InProgress, 16, null)));
        Assert.Equal(done, VivaRules.Update(half, done));
        Assert.Null(VivaRules.Update(done, half));
        Assert.Null(VivaRules.Update(done, done));
    }

    [Fact]
    public void ActivityExternalId_IsDeterministicPerLearnerAndModule_AndOpaque()
    {
        var learner = new LearnerKey("99999999-0000-0000-0000-00000000c0de", "11111111-2222-3333-4444-555555555555");

        var id = VivaRules.ActivityExternalId(learner, "m1");

        Assert.Equal(id, VivaRules.ActivityExternalId(learner with { }, "m1"));
        Assert.NotEqual(id, VivaRules.ActivityExternalId(learner, "m2"));
        Assert.NotEqual(id, VivaRules.ActivityExternalId(learner with { UserId = "11111111-2222-3333-4444-555555555556" }, "m1"));
        Assert.DoesNotContain(learner.UserId, id, StringComparison.Ordinal);
        Assert.Matches("^connectoo-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", id);
    }

    [Theory]
    [InlineData("11111111-2222-3333-4444-555555555555", true)]
    [InlineData("29:1AbCdef", false)]
    public void CanSync_OnlyALearnerKeyedByAnEntraObjectId(string userId, bool expected) =>
        Assert.Equal(expected, VivaRules.CanSync(new LearnerKey("t", userId)));

    [Fact]
    public void ClaimExpired_OnlyForARowWithoutIdWhoseClaimRanOut()
    {
        var row = new VivaActivity { Learner = new("t", "u"), ModuleId = "m1", ExternalId = "x", ContentId = "c", StartedAt = At, ClaimedAt = At };

        Assert.False(VivaRules.ClaimExpired(row, At.AddMinutes(1)));
        Assert.True(VivaRules.ClaimExpired(row, At + VivaRules.ClaimLifetime));
        Assert.True(VivaRules.ClaimExpired(row with { ClaimedAt = null }, At));
        Assert.False(VivaRules.ClaimExpired(row with { GraphId = "g" }, At.AddDays(1)));
    }
}
