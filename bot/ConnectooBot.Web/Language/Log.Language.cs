using ConnectooBot.Learning.Conversations;

namespace ConnectooBot.Web.Language;

/// <summary>The language feature's log lines (EventIds 3800–3809). Never the value a card carried, a name or a text.</summary>
internal static partial class Log
{
    [LoggerMessage(3800, LogLevel.Warning, "A language button carried a {Problem} language; the choice was shown again ({Conversation})")]
    public static partial void LanguageChoiceRejected(ILogger logger, string problem, ConversationKind conversation);
}
