using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>
/// Thrown inside a turn, before its first side effect, when another instance holds the activity's claim: the turn
/// stops there. <see cref="Done"/>: processed there, <see cref="Answer"/> is its answer; otherwise still running.
/// Middleware must let it through (it is not a failure of this turn).
/// </summary>
public sealed class ActivityAlreadyClaimedException : Exception
{
    public ActivityAlreadyClaimedException()
        : this(false, null)
    {
    }

    public ActivityAlreadyClaimedException(string message)
        : base(message)
    {
    }

    public ActivityAlreadyClaimedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ActivityAlreadyClaimedException(bool done, InvokeResponse? answer)
        : base(done ? "The activity was processed by another instance." : "The activity is being processed by another instance.")
    {
        Done = done;
        Answer = answer;
    }

    public bool Done { get; }

    public InvokeResponse? Answer { get; }
}
