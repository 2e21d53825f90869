namespace ConnectooBot.Web.Turns;

/// <summary>What became of a person's data held outside the bot when they erased theirs (<see cref="IPersonalDataErasureListener"/>).</summary>
public enum ExternalErasure
{
    /// <summary>Erased (or there was nothing).</summary>
    Done,

    /// <summary>The service was unreachable: the erasure is recorded and retried until it succeeds.</summary>
    Deferred,
}
