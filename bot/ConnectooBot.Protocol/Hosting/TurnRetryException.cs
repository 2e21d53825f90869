namespace ConnectooBot.Protocol.Hosting;

/// <summary>A turn asked to be retried by Teams (see <see cref="Turns.TurnContext.RetryRequested"/>).</summary>
public sealed class TurnRetryException : Exception
{
    public TurnRetryException()
        : base("The turn failed for a passing reason and should be retried.")
    {
    }

    public TurnRetryException(string message)
        : base(message)
    {
    }

    public TurnRetryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
