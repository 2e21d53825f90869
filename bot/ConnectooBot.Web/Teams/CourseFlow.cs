using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Teams;

/// <summary>"start" and the Start button. Until the course content ships, it says the course is on its way.</summary>
internal sealed class CourseFlow(LearnerSessions learners, CardReplies replies)
{
    public async Task StartAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        var language = LearnerSessions.LanguageFor(learner, turn.Activity);
        await replies.AnswerAsync(turn, fromCard, "coming-soon", language, cancellationToken);
    }
}
