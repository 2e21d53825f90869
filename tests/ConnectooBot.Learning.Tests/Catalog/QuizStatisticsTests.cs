using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Learning.Tests.Catalog;

/// <summary>The blind-pass probability is exact: checked against small cases worked out by hand.</summary>
public sealed class QuizStatisticsTests
{
    [Fact]
    public void EveryAnswerTheLongest_PassesForSure()
    {
        Assert.Equal(1.0, QuizStatistics.PassProbability([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 8, 0.8m), 10);
    }

    [Fact]
    public void NoAnswerTheLongest_NeverPasses()
    {
        Assert.Equal(0.0, QuizStatistics.PassProbability([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 8, 0.8m), 10);
    }

    [Fact]
    public void SevenOfEightNeeded_FromABankOfNineWithEightLongest()
    {
        // 7 of 8 are needed (0.875 ≥ 0.8, 0.75 is not). Of the C(9,8) = 9 draws, every one has at least 7 "longest" answers.
        Assert.Equal(1.0, QuizStatistics.PassProbability([1, 1, 1, 1, 1, 1, 1, 1, 0], 8, 0.8m), 10);

        // With 7 longest and 2 not: a draw leaves out one question; it passes only when it leaves out a "not" (2 of 9).
        Assert.Equal(2.0 / 9, QuizStatistics.PassProbability([1, 1, 1, 1, 1, 1, 1, 0, 0], 8, 0.8m), 10);
    }

    [Fact]
    public void TiedLongestChoices_CountAsACoinToss()
    {
        // One question drawn of one: right with probability 1/2 when the right choice ties with another for longest.
        Assert.Equal(0.5, QuizStatistics.PassProbability([0.5], 1, 0.8m), 10);
    }

    [Fact]
    public void Of_AModule_CountsStrictlyLongestAndTies()
    {
        var module = Bank(new LessonStep("s", []), new()
        {
            ["q1"] = Choices("a much longer right answer", "short", "tiny"), // strictly longest
            ["q2"] = Choices("same size", "same size", "tiny"), // tied
            ["q3"] = Choices("short", "a much longer wrong answer", "tiny"), // not longest
        });

        var stats = QuizStatistics.Of(module, "en", 3, 0.8m);

        Assert.Equal(1, stats.CorrectIsLongest);
        Assert.Equal(1.0 / 3, stats.LongestCorrectShare, 10);
        Assert.Equal(0.0, stats.BlindPassProbability, 10); // q3 is never right by length, and all three are drawn
    }

    [Fact]
    public void Of_AModuleWhoseFirstAttemptSkipsQuickChecks_ReportsTheHigherBlindPassOfTheTwoPools()
    {
        // Three questions, one attempt of 2, pass mark 0.8 (2 of 2). q1 and q2 are right by length, q3 is not and is a quick
        // check. Over the whole bank a draw passes only without q3: 1 in 3. The first attempt draws from q1 and q2: always.
        var module = Bank(new LessonStep("s", []) { QuickCheckId = "q3" }, new()
        {
            ["q1"] = Choices("a much longer right answer", "short", "tiny"),
            ["q2"] = Choices("another long right answer", "short", "tiny"),
            ["q3"] = Choices("short", "a much longer wrong answer", "tiny"),
        });

        Assert.Equal(1.0 / 3, QuizStatistics.PassProbability([1, 1, 0], 2, 0.8m), 10);
        Assert.Equal(1.0, QuizStatistics.Of(module, "en", 2, 0.8m).BlindPassProbability, 10);
    }

    [Fact]
    public void AFirstAttemptThatTakesEveryOtherQuestion_AndFillsUpWithQuickChecks_IsComputedAsThatMix()
    {
        // Attempt of 3, pass mark 0.8 (3 of 3). Always drawn: two questions right by length (1, 1). Filled with one of three
        // quick checks, right by length with chances 1, 0, 0: passes only when the first is drawn, 1 in 3.
        Assert.Equal(1.0 / 3, QuizStatistics.PassProbability([1, 1], [1, 0, 0], 3, 0.8m), 10);

        // The whole bank drawn uniformly gives another figure: 3 of 5 with three "longest" answers among them, C(3,3)/C(5,3).
        Assert.Equal(1.0 / 10, QuizStatistics.PassProbability([1, 1, 1, 0, 0], 3, 0.8m), 10);
    }

    /// <summary>A one-step module whose bank is the given questions (right choice "a"), with the same texts in every language.</summary>
    private static Module Bank(LessonStep step, Dictionary<string, QuestionText> questions) => new()
    {
        Id = "m",
        Number = 1,
        EstimatedMinutes = 1,
        Steps = [step],
        Questions = [.. questions.Keys.Select(Q)],
        Texts = Languages.All.ToDictionary(l => l, _ => new ModuleText("t", "s", new Dictionary<string, StepText>(), questions)),
    };

    private static Question Q(string id) => new(id, QuestionKind.Scenario, ["s"], ["a", "b", "c"], "a", []);

    private static QuestionText Choices(string a, string b, string c) => new("?", new Dictionary<string, ChoiceText>
    {
        ["a"] = new(a, "why"),
        ["b"] = new(b, "why"),
        ["c"] = new(c, "why"),
    });
}
