namespace ConnectooBot.Learning.Catalog;

/// <summary>A module's texts in one language, keyed by the ids of the module's structure.</summary>
public sealed record ModuleText(
    string Title,
    string Summary,
    IReadOnlyDictionary<string, StepText> Steps,
    IReadOnlyDictionary<string, QuestionText> Questions);

public sealed record StepText(string Title, string Body);

public sealed record QuestionText(string Prompt, IReadOnlyDictionary<string, ChoiceText> Choices);

/// <summary>A choice and the one-line explanation shown after it is picked.</summary>
public sealed record ChoiceText(string Text, string Why);
