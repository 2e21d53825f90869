using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Help;

/// <summary>First contact and "hello": the welcome card in the learner's language, with Start.</summary>
internal sealed class WelcomeFlow(LearnerSessions learners, CardReplies replies)
{
    public async Task SendWelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        var language = LearnerSessions.LanguageFor(learner, turn.Activity);
        await replies.SendAsync(turn, TeamsActivity.IsPersonal(turn.Activity) ? "welcome" : "team-intro", language, cancellationToken);
    }
}
