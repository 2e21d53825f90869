namespace ConnectooBot.Storage.Content;

/// <summary>The content in dialogs-content/ (course, texts, commands or cards) has problems; the host does not start until they are fixed.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException()
    {
    }

    public ContentValidationException(string message)
        : base(message)
    {
    }

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContentValidationException(IReadOnlyList<string> problems)
        : base("The content in dialogs-content/ is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
