using ConnectooBot.Learning.Learners;
using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// Told when a course turn finds the learner's course complete and <see cref="Learner.BadgeIssued"/> not set: the turn
/// that completed it, or, when that one failed before the badge, its re-delivery or the learner's next course turn. The
/// badge feature listens; it issues (idempotently), shows the badge and sets the mark.
/// </summary>
public interface ICourseCompletionListener
{
    Task OnCourseCompletedAsync(TurnContext turn, Learner learner, CancellationToken cancellationToken);
}
