namespace ConnectooBot.Web.Help;

/// <summary>The help feature's log lines (EventIds 3850–3859). Never the text a person typed above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(3850, LogLevel.Information, "Loaded the FAQ: {Questions} questions, {Kinds} kinds of small talk")]
    public static partial void TalkLoaded(ILogger logger, int questions, int kinds);

    [LoggerMessage(3851, LogLevel.Debug, "Answered free text as {Answer}")]
    public static partial void FreeTextAnswered(ILogger logger, string answer);

    [LoggerMessage(3852, LogLevel.Information, "Loaded the course's subjects: {Subjects} subjects pointed to a lesson step")]
    public static partial void SubjectsLoaded(ILogger logger, int subjects);

    [LoggerMessage(3853, LogLevel.Warning, "No lesson step of this course names the subject {Subject} in {Language}: questions about it get no pointer (faq/subjects.yaml)")]
    public static partial void SubjectWithoutStep(ILogger logger, string subject, string language);
}
