namespace ConnectooBot.Storage.Content;

/// <summary>The authoring limits of dialogs-content/FORMAT.md, checked by <see cref="CourseLoader"/>.</summary>
public static class ContentLimits
{
    public const int MinSteps = 5;
    public const int MaxSteps = 8;
    public const int MinQuestions = 12;
    public const int MaxStepWords = 120;
    public const int MaxPromptWords = 70;
    public const int MaxChoiceWords = 25;
    public const int MaxWhyWords = 35;
    public const int MaxTitleCharacters = 60;
    public const int MaxSummaryCharacters = 160;

    public static IReadOnlyList<string> Languages { get; } = ["fr", "nl", "de", "en"];

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
