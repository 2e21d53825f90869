using ConnectooBot.Learning.Learners;
using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Turns;

/// <summary>Told when a learner's turn completes the whole course (the badge feature listens).</summary>
public interface ICourseCompletionListener
{
    Task OnCourseCompletedAsync(TurnContext turn, Learner learner, CancellationToken cancellationToken);
}
