using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Learners;
using static ConnectooBot.Learning.Tests.Insights.InsightsLearners;

namespace ConnectooBot.Learning.Tests.Insights;

public sealed class ProgrammeRollupTests
{
    private readonly Course _course = CourseBuilder.Build(modules: 2, questions: 3);

    private ProgrammeInsights Compute(IEnumerable<Learner> learners, IReadOnlyList<TeamRoster>? teams = null) =>
        ProgrammeRollup.Compute(_course, Tenant, learners, teams ?? [], Now);

    private static ItemStatistics Item(ProgrammeInsights insights, string question, string language = "fr") =>
        insights.Items.Single(i => i.ModuleId == "m1" && i.QuestionId == question && i.Language == language);

    /// <summary>
    /// q1 = [1,1,0,0,1]; the rest (share right over q2, q3) = [1, .5, .5, .5, .5]. Means .6 and .6; Σdx·dy = .2,
    /// Σdx² = 1.2, Σdy² = .2: r = .2 / √(1.2 × .2) = 1/√6 ≈ 0.4082.
    /// </summary>
    [Fact]
    public void Discrimination_IsThePointBiserialAgainstTheRestOfTheModule_AsComputedByHand()
    {
        var insights = Compute(
        [
            WithFirstAnswers("u1", "fr", "m1", "b", "b", "b"),
            WithFirstAnswers("u2", "fr", "m1", "b", "b", "a"),
            WithFirstAnswers("u3", "fr", "m1", "a", "b", "c"),
            WithFirstAnswers("u4", "fr", "m1", "c", "a", "b"),
            WithFirstAnswers("u5", "fr", "m1", "b", "b", "c"),
        ]);

        var q1 = Item(insights, "q1");
        Assert.Equal(5, q1.Responses);
        Assert.Equal(0.6, q1.Difficulty!.Value, 10);
        Assert.Equal(1 / Math.Sqrt(6), q1.Discrimination!.Value, 10);
        Assert.Equal([("a", false, 0.2), ("b", true, 0.6), ("c", false, 0.2)], q1.Choices.Select(c => (c.ChoiceId, c.IsKey, Math.Round(c.Share!.Value, 10))).ToArray());
        Assert.Equal(ItemFlags.None, q1.Flags);
    }

    [Fact]
    public void AnItemUncorrelatedWithTheRest_IsNonDiscriminating_AndADistractorDrawingMoreThanTheKeyIsFlagged()
    {
        // q1 = [1,1,0,0,1], rest = [1,.5,.5,.5,0]: Σdx·dy = .4·.5 + .4·(−.5) = 0, so r = 0.
        // q3 = [1,0,0,1,0]: the key draws 2 of 5, "c" draws 3 of 5.
        var insights = Compute(
        [
            WithFirstAnswers("u1", "fr", "m1", "b", "b", "b"),
            WithFirstAnswers("u2", "fr", "m1", "b", "b", "c"),
            WithFirstAnswers("u3", "fr", "m1", "a", "b", "c"),
            WithFirstAnswers("u4", "fr", "m1", "c", "a", "b"),
            WithFirstAnswers("u5", "fr", "m1", "b", "a", "c"),
        ]);

        Assert.Equal(0, Item(insights, "q1").Discrimination!.Value, 10);
        Assert.Equal(ItemFlags.NonDiscriminating, Item(insights, "q1").Flags);
        Assert.Equal(0.6, Item(insights, "q3").Choices.Single(c => c.ChoiceId == "c").Share!.Value, 10);
        Assert.True(Item(insights, "q3").Flags.HasFlag(ItemFlags.DistractorBeatsKey));
    }

    [Fact]
    public void AnItemRightForEveryoneIsTooEasy_AndOneRightForOneInFiveIsTooHard()
    {
        // 21 learners: q1 always right (1 > .95), q2 right for u0..u3 only (4/21 < .30), q3 mixed.
        var learners = Enumerable.Range(0, 21).Select(i => WithFirstAnswers($"u{i}", "nl", "m1", "b", i < 4 ? "b" : "a", i % 2 == 0 ? "b" : "c"));

        var insights = Compute(learners);

        Assert.True(Item(insights, "q1", "nl").Flags.HasFlag(ItemFlags.TooEasy));
        Assert.Null(Item(insights, "q1", "nl").Discrimination); // no variance: undefined, and not flagged non-discriminating
        Assert.False(Item(insights, "q1", "nl").Flags.HasFlag(ItemFlags.NonDiscriminating));
        Assert.True(Item(insights, "q2", "nl").Flags.HasFlag(ItemFlags.TooHard));
        Assert.Equal(4 / 21.0, Item(insights, "q2", "nl").Difficulty!.Value, 10);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void AGroupOfFourIsWithheld_AGroupOfFiveIsShown(int size, bool withheld)
    {
        var learners = Enumerable.Range(0, size).Select(i => WithFirstAnswers($"u{i}", "de", "m1", "b", "b", "a")).ToList();
        var team = new TeamRoster("19:team@thread.tacv2", "Eupen", [.. learners.Select(l => l.Key.UserId.ToUpperInvariant())]);

        var insights = Compute(learners, [team]);

        var german = insights.ByLanguage.Single(g => g.Key == "de");
        var byTeam = Assert.Single(insights.ByTeam);
        var item = Item(insights, "q1", "de");
        Assert.Equal(withheld, german.Withheld);
        Assert.Equal(withheld, byTeam.Withheld);
        Assert.Equal(withheld, item.Withheld);
        Assert.Equal(withheld ? null : size, german.Learners);
        Assert.Equal(withheld ? null : size, byTeam.Learners); // roster ids matched case-insensitively
        Assert.Equal(withheld ? null : 1.0, item.Difficulty);
        Assert.Equal(withheld ? 0 : size, item.Responses);
        Assert.Equal(withheld, item.Choices.All(c => c.Share is null));
        Assert.Equal("Eupen", byTeam.Label);
        Assert.NotEqual(team.TeamId, byTeam.Key);
    }

    [Fact]
    public void Funnel_CountsOpenedLessonPassed_FirstAttemptPasses_AndAttemptsPerPass()
    {
        var passed = Now.AddDays(-3);
        var learners = new List<Learner>
        {
            Learner("a").WithAttempts("m1", passed, ["b", "b", "b"]),                         // 1 attempt, passed
            Learner("b").WithAttempts("m1", passed, ["b", "b", "b"]),                         // 1 attempt, passed
            Learner("c").WithAttempts("m1", passed, ["a", "a", "b"], ["b", "b", "b"]),         // 2 attempts, passed
            Learner("d").WithAttempts("m1", passed, ["a", "a", "b"], ["a", "b", "b"], ["b", "b", "b"]), // 3, passed
            Learner("e").WithAttempts("m1", null, ["a", "a", "a"]),                           // failed once
            Learner("f").Opened("m1"),                                                        // reading
            Learner("g").Opened("m1", 4, lessonCompleted: true),                              // read, no quiz
            Learner("h"),                                                                     // never started
        };

        var insights = Compute(learners);

        var m1 = insights.Funnel[0];
        Assert.Equal((7, 6, 4), (m1.Opened, m1.LessonCompleted, m1.Passed));
        Assert.Equal(2 / 5.0, m1.FirstAttemptPassRate!.Value, 10);
        Assert.Null(m1.AttemptsPerPass); // 4 learners passed: withheld
        Assert.Equal(new ProgrammeTotals(8, 7, 7, 0), insights.Totals);
    }

    [Fact]
    public void TimeToComplete_IsFromTheFirstTurnToTheLastPass_MedianAndNearestRankP90()
    {
        // Five learners who passed both modules, 1..5 days after their first turn.
        var learners = Enumerable.Range(1, 5).Select(d =>
            Learner($"u{d}", firstSeen: Now.AddDays(-20))
                .WithAttempts("m1", Now.AddDays(-20 + d - 0.5), ["b", "b", "b"])
                .WithAttempts("m2", Now.AddDays(-20 + d), ["b", "b", "b"]));

        var insights = Compute(learners);

        Assert.Equal(5, insights.Totals.Completed);
        Assert.Equal(new DurationSummary(5, TimeSpan.FromDays(3), TimeSpan.FromDays(5)), insights.TimeToComplete);
        Assert.Equal(5, insights.Funnel[1].Passed);
        Assert.Equal(1.0, insights.Funnel[1].AttemptsPerPass);
    }

    [Fact]
    public void ActiveInTheLast30Days_AndTheWeeklyTrend_ComeFromTheStoredInstants()
    {
        var learners = new[]
        {
            Learner("recent", firstSeen: Now.AddDays(-2), lastActive: Now.AddHours(-1)).Opened("m1"),
            Learner("old", firstSeen: Now.AddDays(-60), lastActive: Now.AddDays(-40)).Opened("m1"),
            Learner("hello", firstSeen: Now.AddDays(-1), lastActive: Now.AddDays(-1)), // never started: not counted
        };

        var insights = Compute(learners);

        Assert.Equal(1, insights.Totals.ActiveLast30Days);
        Assert.Equal(ProgrammeRollup.Weeks, insights.Weekly.Count);
        Assert.Equal(new DateOnly(2026, 11, 30), insights.Weekly[^1].WeekStart); // 2 December 2026 is a Wednesday
        Assert.Equal((1, 1), (insights.Weekly[^1].Started, insights.Weekly[^1].Active));
        Assert.Equal(1, insights.Weekly.Sum(w => w.Started) - insights.Weekly[^1].Started); // "old" started 60 days ago
    }

    [Fact]
    public void ReviewLedToPass_IsTheShareOfThoseWhoMissedTheItemAtFirstSightWhoPassedTheModuleSince()
    {
        var passed = Now.AddDays(-1);
        var learners = Enumerable.Range(0, 5).Select(i => Learner($"miss{i}").WithAttempts("m1", i < 3 ? passed : null, i < 3 ? [["a", "b", "b"], ["b", "b", "b"]] : [["a", "b", "b"]]))
            .Append(Learner("hit").WithAttempts("m1", passed, ["b", "b", "b"]));

        var insights = Compute(learners);

        Assert.Equal(3 / 5.0, Item(insights, "q1").ReviewLedToPass!.Value, 10);
        Assert.Null(Item(insights, "q2").ReviewLedToPass); // nobody missed it: fewer than five
    }

    [Fact]
    public void TheSnapshotHoldsNoNameNorId()
    {
        var learners = Enumerable.Range(0, 6).Select(i => WithFirstAnswers($"user-{i}", "fr", "m1", "b", "a", "b") with { DisplayName = $"Name {i}" }).ToList();
        var insights = Compute(learners, [new TeamRoster("19:secret-team@thread.tacv2", "Team", [.. learners.Select(l => l.Key.UserId)])]);

        var text = System.Text.Json.JsonSerializer.Serialize(insights);
        Assert.DoesNotContain("user-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Name ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-team", text, StringComparison.Ordinal);
    }
}
