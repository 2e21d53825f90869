namespace ConnectooBot.Testing.Insights;

/// <summary>
/// What <see cref="ProgrammeSeed"/> generated, counted while generating (not by the rollup), so a test can hold the
/// snapshot — or the page showing it — against the seed. Definitions: bot/ConnectooBot.Learning/Insights/README.md.
/// </summary>
public sealed record SeedExpectation
{
    public required int Learners { get; init; }

    public required int Started { get; init; }

    public required int ActiveLast30Days { get; init; }

    public required int Completed { get; init; }

    /// <summary>One per course module, in the course's order.</summary>
    public required IReadOnlyList<SeedModule> Modules { get; init; }

    /// <summary>From the first turn to the last module's pass, one per learner who completed, shortest first.</summary>
    public required IReadOnlyList<TimeSpan> CompletionDurations { get; init; }

    /// <summary>fr, nl, de, en → the group's counts.</summary>
    public required IReadOnlyDictionary<string, SeedGroup> ByLanguage { get; init; }

    /// <summary>Team name → the group's counts (learners of the roster that have a learner row).</summary>
    public required IReadOnlyDictionary<string, SeedGroup> ByTeam { get; init; }

    /// <summary>Week start (Monday, Brussels) → started, active, completed in that week.</summary>
    public required IReadOnlyDictionary<DateOnly, SeedWeek> Weekly { get; init; }

    /// <summary>(module, question, language) → first answers counted.</summary>
    public required IReadOnlyDictionary<(string Module, string Question, string Language), SeedItem> Items { get; init; }

    /// <summary>The items built to draw a flag (their answers follow a designed pattern in every language).</summary>
    public required IReadOnlyList<SeededItemFlag> DesignedFlags { get; init; }
}

/// <summary>A module's funnel as generated.</summary>
/// <param name="Took">Learners who finished at least one attempt.</param>
/// <param name="FirstAttemptPasses">Learners who passed with their only attempt.</param>
/// <param name="AttemptsOfPassers">Attempts started by the learners who passed, all told.</param>
public sealed record SeedModule(string ModuleId, int Opened, int LessonCompleted, int Passed, int Took, int FirstAttemptPasses, int AttemptsOfPassers)
{
    public double FirstAttemptPassRate => (double)FirstAttemptPasses / Took;

    public double AttemptsPerPass => (double)AttemptsOfPassers / Passed;
}

/// <summary>A language or team as generated.</summary>
/// <param name="QuizTakers">Learners of the group who finished an attempt of some module.</param>
/// <param name="Took">(learner, module) pairs with a finished attempt.</param>
/// <param name="FirstAttemptPasses">(learner, module) pairs passed with the only attempt.</param>
public sealed record SeedGroup(int Learners, int Started, int Completed, int QuizTakers, int Took, int FirstAttemptPasses, IReadOnlyList<int> PassedPerModule)
{
    public bool Withheld => Learners < Learning.Insights.ProgrammeInsights.MinimumGroup;

    public double FirstAttemptPassRate => (double)FirstAttemptPasses / Took;
}

/// <summary>
/// A week as generated. Active: learners who did something in the week; the record keeps only some instants (the
/// first and last turn, the last attempt of each module in full, first passes, the latest answer to each question), so
/// what the rollup can see lies between <paramref name="ActiveAtLeast"/> (what is surely kept) and <paramref name="ActiveAtMost"/>.
/// </summary>
public sealed record SeedWeek(int Started, int ActiveAtLeast, int ActiveAtMost, int Completed);

/// <summary>First answers to one item in one language: how many, how many right, per choice; misses followed by a module pass.</summary>
public sealed record SeedItem(int Responses, int Correct, IReadOnlyDictionary<string, int> Choices, int Missed, int MissedThenPassed)
{
    public double Difficulty => (double)Correct / Responses;
}

/// <summary>An item whose answers were generated to draw <paramref name="Flag"/> (the pattern, in words, in <paramref name="Design"/>).</summary>
public sealed record SeededItemFlag(string ModuleId, string QuestionId, Learning.Insights.ItemFlags Flag, string Design);
