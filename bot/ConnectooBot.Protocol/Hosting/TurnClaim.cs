using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>
/// The shared claim of the activity a turn is processing (<see cref="ISharedActivityClaims"/>), taken lazily: by its own
/// conditional write just before the turn's first connector call (<see cref="EnsureTakenAsync"/>), or by the host's
/// storage with the turn's first state write (<see cref="TakenWithWrite"/>), which costs no extra round trip. The host
/// may keep it somewhere of its own (<see cref="UseStore"/>). A turn that neither calls the connector nor writes takes none: processing it again has no effect.
/// <see cref="Current"/> is the claim of the turn running on this async flow (set by <see cref="ActivityDeduplicator"/>).
/// </summary>
public sealed class TurnClaim
{
    private static readonly AsyncLocal<TurnClaim?> Ambient = new();
    private ISharedActivityClaims _store;
    private readonly Lock _gate = new();
    private Task? _taking;
    private bool _seenFree;

    public TurnClaim(ISharedActivityClaims store, string tenantId, string conversationId, string activityId, DateTimeOffset takenAt, DateTimeOffset leaseUntil)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        TenantId = tenantId;
        ConversationId = conversationId;
        ActivityId = activityId;
        TakenAt = takenAt;
        LeaseUntil = leaseUntil;
    }

    /// <summary>The claim of the turn running on this async flow, if any.</summary>
    public static TurnClaim? Current
    {
        get => Ambient.Value;
        internal set => Ambient.Value = value;
    }

    public string TenantId { get; }

    public string ConversationId { get; }

    public string ActivityId { get; }

    /// <summary>This turn, as the claim's holder (unique per attempt).</summary>
    public string Holder { get; } = Guid.NewGuid().ToString("N");

    public DateTimeOffset TakenAt { get; }

    /// <summary>Until when a claim this turn holds and has not completed keeps others off (≥ the turn timeout).</summary>
    public DateTimeOffset LeaseUntil { get; }

    public bool IsTaken { get; private set; }

    /// <summary>Where the claim is taken, found, completed and released (the default shared claims, or one <see cref="UseStore"/> named).</summary>
    public ISharedActivityClaims Store => _store;

    /// <summary>
    /// Keeps this turn's claim in <paramref name="store"/> from now on instead of the default shared claims (the host
    /// keeps a learner's turns in the learner's own record). Ignored once the claim is taken or being taken: a claim
    /// stays where it was taken.
    /// </summary>
    public void UseStore(ISharedActivityClaims store)
    {
        ArgumentNullException.ThrowIfNull(store);
        lock (_gate)
        {
            if (!IsTaken && _taking is null)
            {
                _store = store;
            }
        }
    }

    /// <summary>The claim was stored done with <see cref="StoredAnswer"/> (nothing left to complete if the turn answers that).</summary>
    public bool StoredDone { get; private set; }

    public InvokeResponse? StoredAnswer { get; private set; }

    /// <summary>
    /// The turn's final answer, known before its state write and with no side effect to follow: the write that takes the
    /// claim stores it done with this answer, so the turn needs no completing write. Set by the flow.
    /// </summary>
    public InvokeResponse? FinalAnswer { get; set; }

    /// <summary>
    /// Takes the claim unless this turn holds it; throws <see cref="ActivityAlreadyClaimedException"/> when another
    /// instance processed or is processing the activity (the turn must stop before any side effect).
    /// </summary>
    public Task EnsureTakenAsync(CancellationToken cancellationToken)
    {
        if (IsTaken)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            return _taking ??= TakeAsync(cancellationToken); // concurrent calls of one turn share one attempt
        }
    }

    private async Task TakeAsync(CancellationToken cancellationToken)
    {
        var outcome = await _store.TakeAsync(this, cancellationToken).ConfigureAwait(false);
        if (!outcome.Taken)
        {
            throw new ActivityAlreadyClaimedException(outcome.Done, outcome.Answer);
        }

        IsTaken = true;
    }

    /// <summary>The host's storage took the claim in the same transaction as a state write (done with <paramref name="answer"/>, or as a lease).</summary>
    public void TakenWithWrite(bool done, InvokeResponse? answer)
    {
        IsTaken = true;
        StoredDone = done;
        StoredAnswer = answer;
    }

    /// <summary>
    /// The host's storage read the place where this claim would be kept during the turn and found no other turn holding
    /// the activity: <see cref="CheckUnclaimedAsync"/> need not read it again. The check then stands as of that read: a
    /// duplicate finishing elsewhere after it is not noticed, which is harmless for a turn that wrote and sent nothing
    /// (its answer is what the stored learner gave at that read).
    /// </summary>
    public void SeenFreeInStorage() => _seenFree = true;

    /// <summary>
    /// After an invoke that took no claim (it changed nothing, sent nothing): throws
    /// <see cref="ActivityAlreadyClaimedException"/> if another turn holds the activity's claim, so that a repeat of an
    /// invoke gets the stored answer (the rules would see "already done" and answer a replay). No read when the turn
    /// already read that from storage (<see cref="SeenFreeInStorage"/>).
    /// </summary>
    internal async Task CheckUnclaimedAsync(CancellationToken cancellationToken)
    {
        if (!IsTaken && !_seenFree && await _store.FindAsync(this, cancellationToken).ConfigureAwait(false) is { } held)
        {
            throw new ActivityAlreadyClaimedException(held.Done, held.Answer);
        }
    }

    /// <summary>After the turn succeeded: marks the claim done with <paramref name="answer"/> unless the write already did.</summary>
    internal Task CompleteAsync(InvokeResponse? answer, CancellationToken cancellationToken) =>
        !IsTaken || (StoredDone && ReferenceEquals(StoredAnswer, answer)) ? Task.CompletedTask : _store.CompleteAsync(this, answer, cancellationToken);

    /// <summary>After the turn failed: gives the claim up, so that Teams' retry is processed.</summary>
    internal Task ReleaseAsync(CancellationToken cancellationToken) =>
        IsTaken ? _store.ReleaseAsync(this, cancellationToken) : Task.CompletedTask;
}
