namespace ConnectooBot.Learning.Catalog;

public sealed record Module
{
    public required string Id { get; init; }

    /// <summary>1-based position in the recommended order.</summary>
    public required int Number { get; init; }

    public required int EstimatedMinutes { get; init; }

    public required IReadOnlyList<LessonStep> Steps { get; init; }

    /// <summary>The quiz bank; an attempt draws <see cref="Course.QuestionsPerAttempt"/> of them.</summary>
    public required IReadOnlyList<Question> Questions { get; init; }

    /// <summary>Language (fr, nl, de, en) → texts.</summary>
    public required IReadOnlyDictionary<string, ModuleText> Texts { get; init; }

    /// <summary>The final cross-module case ("one citizen, three problems"), not one of the course's modules.</summary>
    public bool IsCase { get; init; }

    /// <summary>The bank questions that lesson steps ask as quick checks (a first attempt draws the others first).</summary>
    public IReadOnlySet<string> QuickCheckIds => Steps.Select(s => s.QuickCheckId).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public int StepIndex(string stepId) => Steps.ToList().FindIndex(s => s.Id == stepId);

    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);
}

public sealed record LessonStep(string Id, IReadOnlyList<Source> Sources)
{
    /// <summary>A bank question the learner answers right after this step (an in-lesson check, not scored), if any.</summary>
    public string? QuickCheckId { get; init; }
}

public enum QuestionKind
{
    Knowledge,
    Scenario,
}

public sealed record Question(
    string Id,
    QuestionKind Kind,
    IReadOnlyList<string> Checks,
    IReadOnlyList<string> Choices,
    string Correct,
    IReadOnlyList<Source> Sources);

/// <summary>Where a fact comes from, and which fact.</summary>
public sealed record Source(string Url, string Supports)
{
    /// <summary>The day the page was last read to check the fact.</summary>
    public DateOnly? Checked { get; init; }
}
