using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ConnectooBot.Learning.Turns;

/// <summary>
/// The activity claims a learner's row holds: the turns that changed this learner most recently, so that an activity
/// Teams re-delivers (to this instance or another) is recognised by the read every turn makes anyway, and its claim is
/// written by the turn's own write: no claim row, no transaction. Bounded, since every turn writes the row: the newest
/// <see cref="MaxEntries"/>, taken within <see cref="KeepFor"/> (Teams re-delivers an activity it got no answer to, so
/// while the learner waits for it, not after several later turns); only the newest keeps its answer (a repeat of an
/// older one gets an empty answer, as the in-process duplicate cache gives after its response window). Newest first.
/// </summary>
public sealed record RecentClaims
{
    public const int MaxEntries = 4;
    public const int MaxAnswers = 1;

    /// <summary>How long a claim is kept: Teams re-delivers within minutes; a day leaves room for a stalled instance.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    public RecentClaims(IReadOnlyList<HeldClaim> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries;
    }

    public static RecentClaims None { get; } = new([]);

    public IReadOnlyList<HeldClaim> Entries { get; }

    public bool IsEmpty => Entries.Count == 0;

    /// <summary>
    /// The id of an activity in a learner's row: the first 128 bits of SHA-256 of the conversation id (length-prefixed, so
    /// no two pairs of ids give the same text) and the activity id, base64url: 22 characters whatever the ids.
    /// </summary>
    public static string IdOf(ActivityClaimKey key) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{key.ConversationId.Length}:{key.ConversationId}\n{key.ActivityId}")).AsSpan(0, 16));

    /// <summary>The claim of <paramref name="key"/>'s activity, if the row holds one.</summary>
    public ActivityClaim? Find(ActivityClaimKey key)
    {
        var id = IdOf(key);
        return Entries.FirstOrDefault(e => e.Id == id) is { } held
            ? new ActivityClaim(key, held.Holder, held.TakenAt, held.LeaseUntil, held.Done, held.Answer)
            : null;
    }

    /// <summary>These claims with <paramref name="claim"/> first (in place of any earlier claim of its activity), bounded.</summary>
    public RecentClaims With(ActivityClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var id = IdOf(claim.Key);
        var entry = new HeldClaim(id, claim.Holder, claim.TakenAt, claim.LeaseUntil, claim.Done, claim.Answer);
        return Bounded([entry, .. Entries.Where(e => e.Id != id)], claim.TakenAt);
    }

    /// <summary>These claims without the one <paramref name="holder"/> holds on <paramref name="key"/>'s activity.</summary>
    public RecentClaims Without(ActivityClaimKey key, string holder)
    {
        var id = IdOf(key);
        return Entries.Any(e => e.Id == id && e.Holder == holder) ? new RecentClaims([.. Entries.Where(e => !(e.Id == id && e.Holder == holder))]) : this;
    }

    /// <summary>These claims without those taken before <paramref name="now"/> − <see cref="KeepFor"/>.</summary>
    public RecentClaims Pruned(DateTimeOffset now) =>
        Entries.Any(e => e.TakenAt < now - KeepFor) ? Bounded([.. Entries], now) : this;

    private static RecentClaims Bounded(List<HeldClaim> entries, DateTimeOffset now)
    {
        var kept = entries.Where(e => e.TakenAt >= now - KeepFor).Take(MaxEntries)
            .Select((e, index) => index < MaxAnswers || e.Answer is null ? e : e with { Answer = null });
        return new RecentClaims([.. kept]);
    }
}
