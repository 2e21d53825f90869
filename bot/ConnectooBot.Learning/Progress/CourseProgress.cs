using System.Collections.Immutable;

namespace ConnectooBot.Learning.Progress;

/// <summary>Where a learner is in the course and what they have done. Part of <see cref="Learners.Learner"/>.</summary>
public sealed record CourseProgress
{
    public static CourseProgress Empty { get; } = new();

    /// <summary>Module id → progress; a module the learner never opened is absent.</summary>
    public ImmutableDictionary<string, ModuleProgress> Modules { get; init; } = ImmutableDictionary<string, ModuleProgress>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>What "continue" resumes; null before the first module is opened.</summary>
    public Position? Current { get; init; }

    public ModuleProgress Module(string moduleId) =>
        Modules.TryGetValue(moduleId, out var progress) ? progress : new ModuleProgress { ModuleId = moduleId };

    public CourseProgress With(ModuleProgress module) => this with { Modules = Modules.SetItem(module.ModuleId, module) };

    /// <summary>Every module's earlier attempts folded (<see cref="ModuleProgress.Compacted"/>): how a row of the older shape is read.</summary>
    public CourseProgress Compacted() =>
        Modules.Values.Any(m => m.Attempts.Count > 1)
            ? this with { Modules = Modules.SetItems(Modules.Values.Where(m => m.Attempts.Count > 1).Select(m => KeyValuePair.Create(m.ModuleId, m.Compacted()))) }
            : this;
}

/// <summary>A place in the course: a lesson step, or a question of an open quiz attempt.</summary>
public sealed record Position(string ModuleId, PositionKind Kind, int Index);

public enum PositionKind
{
    Lesson,
    Quiz,
}
