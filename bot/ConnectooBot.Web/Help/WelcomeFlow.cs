using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Help;

/// <summary>The installation's welcome card in the learner's language, with Start (a first "hello" without one: HelpFlow.GreetAsync).</summary>
internal sealed class WelcomeFlow(LearnerSessions learners, CardReplies replies)
{
    public async Task SendWelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        var language = LearnerSessions.LanguageFor(learner, turn.Activity);
        await replies.SendAsync(turn, TeamsActivity.IsPersonal(turn.Activity) ? "welcome" : "team-intro", language, cancellationToken);
    }
}
