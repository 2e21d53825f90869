using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// Told after a course turn that changed the learner's progress, with the learner as written. It runs on the
/// learner's turn, so it must return at once and touch no storage and no network: the Viva Learning sync queues a
/// nudge for its background worker.
/// </summary>
public interface ICourseProgressListener
{
    void OnProgressChanged(Learner learner);
}
