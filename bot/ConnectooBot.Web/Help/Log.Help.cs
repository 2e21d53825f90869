namespace ConnectooBot.Web.Help;

/// <summary>The help feature's log lines (EventIds 3850–3859). Never the text a person typed above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(3850, LogLevel.Information, "Loaded the FAQ: {Questions} questions, {Kinds} kinds of small talk")]
    public static partial void TalkLoaded(ILogger logger, int questions, int kinds);

    [LoggerMessage(3851, LogLevel.Debug, "Answered free text as {Answer}")]
    public static partial void FreeTextAnswered(ILogger logger, string answer);
}
