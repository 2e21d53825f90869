namespace ConnectooBot.Web.Legal;

/// <summary>The legal pages' log lines (EventIds 3600–3609).</summary>
internal static partial class Log
{
    [LoggerMessage(3600, LogLevel.Information, "Loaded {Texts} legal texts in {Languages} languages")]
    public static partial void LegalTextsLoaded(ILogger logger, int texts, int languages);
}
