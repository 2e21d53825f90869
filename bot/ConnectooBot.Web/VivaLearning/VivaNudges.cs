using System.Threading.Channels;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.VivaLearning;

/// <summary>
/// The in-process nudge after a course turn that changed progress: the learner as written goes into a bounded
/// queue the worker drains, so Viva Learning hears of it within seconds. No storage, no network on the turn; when
/// the queue is full the oldest nudge is dropped (the periodic scan catches up).
/// </summary>
internal sealed class VivaNudges : ICourseProgressListener
{
    private readonly Channel<Learner> queue = Channel.CreateBounded<Learner>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public ChannelReader<Learner> Reader => queue.Reader;

    public void OnProgressChanged(Learner learner) => queue.Writer.TryWrite(learner);
}
