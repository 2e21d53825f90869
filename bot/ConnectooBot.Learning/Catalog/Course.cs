namespace ConnectooBot.Learning.Catalog;

/// <summary>The Connectoo course as loaded from <c>dialogs-content/</c>: validated, immutable.</summary>
public sealed record Course
{
    public required string Id { get; init; }

    /// <summary>Share of correct answers needed to pass a quiz attempt (0.8 = 80 %).</summary>
    public required decimal PassMark { get; init; }

    public required int QuestionsPerAttempt { get; init; }

    /// <summary>In the recommended order; every module is open.</summary>
    public required IReadOnlyList<Module> Modules { get; init; }

    /// <summary>Changes whenever any content file changes; cards carry it so an old card can be recognised.</summary>
    public required string Version { get; init; }

    /// <summary>The cross-module case offered after the last module (<c>finalCase</c> in course.yaml), if any.</summary>
    public Module? FinalCase { get; init; }

    /// <summary>A module of the course, or the final case (it is opened, read and quizzed like a module).</summary>
    public Module? FindModule(string id) => Modules.FirstOrDefault(m => m.Id == id) ?? (FinalCase?.Id == id ? FinalCase : null);
}
