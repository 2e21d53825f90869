namespace ConnectooBot.Testing.Insights;

/// <summary>What the seed generated for one learner, as it generated it (its own account, not read back from the record).</summary>
internal sealed class LearnerRecord(string language, DateTimeOffset firstSeen)
{
    public string Language { get; } = language;

    public DateTimeOffset FirstSeen { get; } = firstSeen;

    /// <summary>Every instant the learner did something (turns, answers): the last one is their last activity.</summary>
    public List<DateTimeOffset> Instants { get; } = [];

    /// <summary>The instants the learner record surely keeps beyond the first and last turn (last attempts, first passes).</summary>
    public List<DateTimeOffset> Kept { get; } = [];

    public Dictionary<string, ModuleRecord> Modules { get; } = new(StringComparer.Ordinal);

    public ModuleRecord Open(string moduleId) => Modules[moduleId] = new ModuleRecord();
}

internal sealed class ModuleRecord
{
    public bool LessonCompleted { get; set; }

    public int Attempts { get; set; }

    public bool Took => Attempts > 0;

    public DateTimeOffset? PassedAt { get; set; }

    public HashSet<string> FirstAnswered { get; } = new(StringComparer.Ordinal);
}
