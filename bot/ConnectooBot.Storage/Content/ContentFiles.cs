namespace ConnectooBot.Storage.Content;

// YAML shapes of dialogs-content/ (see dialogs-content/FORMAT.md). Mutable only for the deserializer;
// CourseLoader validates them and maps them to Learning's immutable catalog records.
#pragma warning disable CA1002, CA2227 // DTOs filled by YamlDotNet

internal sealed class CourseFile
{
    public string? Id { get; set; }
    public decimal PassMark { get; set; }
    public int QuestionsPerAttempt { get; set; }
    public List<string>? Modules { get; set; }

    /// <summary>The cross-module case offered after the last module (<c>kind: case</c>), optional.</summary>
    public string? FinalCase { get; set; }
}

internal sealed class ModuleFile
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public int EstimatedMinutes { get; set; }
    public List<StepFile>? Steps { get; set; }
    public List<QuestionFile>? Quiz { get; set; }
}

internal sealed class StepFile
{
    public string? Id { get; set; }
    public string? QuickCheck { get; set; }
    public List<SourceFile>? Sources { get; set; }
}

internal sealed class QuestionFile
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public List<string>? Checks { get; set; }
    public List<string>? Choices { get; set; }
    public string? Correct { get; set; }
    public List<SourceFile>? Sources { get; set; }
}

internal sealed class SourceFile
{
    public string? Url { get; set; }
    public string? Supports { get; set; }
    public string? Checked { get; set; }
}

internal sealed class ModuleTextFile
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public Dictionary<string, StepTextFile>? Steps { get; set; }
    public Dictionary<string, QuestionTextFile>? Quiz { get; set; }
}

internal sealed class StepTextFile
{
    public string? Title { get; set; }
    public string? Body { get; set; }
}

internal sealed class QuestionTextFile
{
    public string? Prompt { get; set; }
    public Dictionary<string, ChoiceTextFile>? Choices { get; set; }
}

internal sealed class ChoiceTextFile
{
    public string? Text { get; set; }
    public string? Why { get; set; }
}
internal sealed class GlossaryFile
{
    public List<GlossaryTermFile>? Terms { get; set; }
}

internal sealed class GlossaryTermFile
{
    public string? Preferred { get; set; }
    public List<string>? Banned { get; set; }
    public string? Note { get; set; }
    public bool CaseSensitive { get; set; }
    public bool? IgnoreCase { get; set; }
}
#pragma warning restore CA1002, CA2227
