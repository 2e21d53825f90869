namespace ConnectooBot.Learning.Progress;

/// <summary>
/// What the rules keep about one question of a module once its attempts are folded away (<see cref="ModuleProgress.Folded"/>):
/// the last attempt that drew it (question draw: least recently seen first), the first quiz answer given to it (item
/// analysis), the latest quiz answer (spaced review: missed questions first) and whether it was answered slowly in
/// some attempt (more than twice its attempt's median time).
/// </summary>
public sealed record QuestionRecord
{
    /// <summary>The number of the last attempt that drew the question (0: never drawn).</summary>
    public int LastDrawn { get; init; }

    /// <summary>The choice of the first quiz answer to the question, if it was ever answered.</summary>
    public string? FirstChoice { get; init; }

    public bool FirstCorrect { get; init; }

    /// <summary>The latest quiz answer: whether it was right, and when (null: never answered).</summary>
    public bool LastCorrect { get; init; }

    public DateTimeOffset? LastAnsweredAt { get; init; }

    public bool Slow { get; init; }
}
