namespace ConnectooBot.Storage.Content;

/// <summary>The course content has problems; the host does not start until they are fixed.</summary>
public sealed class CourseValidationException : Exception
{
    public CourseValidationException()
    {
    }

    public CourseValidationException(string message)
        : base(message)
    {
    }

    public CourseValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CourseValidationException(IReadOnlyList<string> problems)
        : base("The course in dialogs-content/ is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
