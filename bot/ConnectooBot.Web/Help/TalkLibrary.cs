using ConnectooBot.Learning.Talk;

namespace ConnectooBot.Web.Help;

/// <summary>The FAQ and the small talk from <c>dialogs-content/faq/</c>, ready to match (built once at start-up).</summary>
public sealed class TalkLibrary(FaqMatcher questions, SmallTalkMatcher smallTalk)
{
    public FaqMatcher Questions { get; } = questions;

    public SmallTalkMatcher SmallTalk { get; } = smallTalk;
}
