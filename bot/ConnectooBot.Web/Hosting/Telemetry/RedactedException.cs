namespace ConnectooBot.Web.Hosting.Telemetry;

/// <summary>
/// Stands in for a logged exception on its way out: the type names and stack traces stay, the messages go (they may
/// quote a learner key, a URL with a conversation id, a storage key). The original stays in the process's own logs.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string? _stackTrace;

    public RedactedException()
    {
    }

    public RedactedException(string message)
        : base(message)
    {
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private RedactedException(Exception original)
        : base(Describe(original), original.InnerException is null ? null : new RedactedException(original.InnerException))
    {
        OriginalType = original.GetType().FullName;
        _stackTrace = original.StackTrace;
    }

    /// <summary>The full name of the exception type that was logged.</summary>
    public string? OriginalType { get; }

    public override string? StackTrace => _stackTrace ?? base.StackTrace;

    public static RedactedException From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception as RedactedException ?? new RedactedException(exception);
    }

    public override string ToString() =>
        InnerException is null
            ? $"{Message}{Environment.NewLine}{StackTrace}"
            : $"{Message} ---> {InnerException}{Environment.NewLine}{StackTrace}";

    private static string Describe(Exception original) => $"{original.GetType().FullName} (message withheld from telemetry)";
}
