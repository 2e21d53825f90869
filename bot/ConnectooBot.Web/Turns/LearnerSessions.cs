using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The learner behind a personal-chat turn: created on first contact with the language of their Teams locale, and
/// changed through <see cref="LearnerUpdater"/> (one point read; one write only when something changed; on an ETag
/// conflict the change is re-applied to the fresh state). The turn's activity claim (<see cref="TurnClaim"/>) lives in
/// the learner's row (<see cref="LearnerRowClaims"/>): every read checks it, and the write takes it (done with the
/// turn's final answer, or as a lease): no claim row, no extra round trip. If the row shows the activity processed or
/// running elsewhere, nothing is written and the turn stops (<see cref="ActivityAlreadyClaimedException"/>); an expired
/// lease is taken over by the write.
/// </summary>
internal sealed class LearnerSessions(LearnerUpdater updater, ISharedActivityClaims sharedClaims, TimeProvider time)
{
    /// <summary>The learner (created if new), or null outside a personal chat.</summary>
    public async Task<Learner?> EnsureAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!TeamsActivity.IsPersonal(activity) || TeamsActivity.LearnerKeyOf(activity) is null)
        {
            return null;
        }

        return (await ChangeAsync(activity, learner => (learner, true), cancellationToken)).Learner;
    }

    /// <summary>
    /// As <see cref="EnsureAsync"/>, and whether this turn created the learner: their first contact came as a message,
    /// not as the installation (which shows the welcome), so they have seen neither the welcome nor its privacy note.
    /// </summary>
    public async Task<(Learner? Learner, bool FirstContact)> EnsureNotingFirstContactAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!TeamsActivity.IsPersonal(activity) || TeamsActivity.LearnerKeyOf(activity) is null)
        {
            return (null, false);
        }

        var (learner, _, created) = await ChangeNotingFirstContactAsync(activity, learner => (learner, true), cancellationToken);
        return (learner, created);
    }

    /// <summary>Applies <paramref name="change"/> to the learner (the same instance back means "no change").</summary>
    public async Task<(Learner Learner, T Result)> ChangeAsync<T>(Activity activity, Func<Learner, (Learner Updated, T Result)> change, CancellationToken cancellationToken)
    {
        var (learner, result, _) = await ChangeNotingFirstContactAsync(activity, change, cancellationToken);
        return (learner, result);
    }

    /// <summary>
    /// As <see cref="ChangeAsync{T}"/>, and whether this turn created the learner (a first contact that came as a
    /// message, not as the installation whose welcome says what the bot keeps).
    /// </summary>
    public async Task<(Learner Learner, T Result, bool Created)> ChangeNotingFirstContactAsync<T>(Activity activity, Func<Learner, (Learner Updated, T Result)> change, CancellationToken cancellationToken)
    {
        var key = TeamsActivity.LearnerKeyOf(activity) ?? throw new InvalidOperationException("The activity names no learner.");
        var now = time.GetUtcNow();
        T result = default!;
        var created = false;
        Learner? Apply(Learner? current)
        {
            created = current is null; // the last application is the one written
            var baseline = Refresh(current, key, activity, now);
            var (updated, value) = change(baseline);
            result = value;
            return updated;
        }

        var claim = TurnClaim.Current;
        ClaimRider? rider = null;
        if (claim is not null && claim.TenantId == key.TenantId)
        {
            claim.UseStore(new LearnerRowClaims(updater, key, sharedClaims));
            if (!claim.IsTaken || claim.Store is LearnerRowClaims { InClaimRows: false })
            {
                rider = LearnerRowClaims.Rider(claim, () => StoredActivityClaims.ToRide(claim)) with { FreeInStorage = claim.SeenFreeInStorage };
            }
        }

        Learner? saved;
        ActivityClaim? written;
        try
        {
            (saved, written) = await updater.UpdateAsync(key, Apply, rider, cancellationToken);
        }
        catch (ActivityClaimedException claimed) when (claimed.Claim is { } held)
        {
            var refused = StoredActivityClaims.Refused(held);
            throw new ActivityAlreadyClaimedException(refused.Done, refused.Answer);
        }

        if (written is not null)
        {
            claim!.TakenWithWrite(written.Done, written.Done ? claim.FinalAnswer : null);
        }

        return (saved!, result, created);
    }

    /// <summary>The language to answer in: the learner's, else the activity's locale.</summary>
    public static string LanguageFor(Learner? learner, Activity activity) =>
        learner?.Language ?? Languages.FromLocale(TeamsActivity.LocaleOf(activity));

    private static Learner Refresh(Learner? current, LearnerKey key, Activity activity, DateTimeOffset now)
    {
        var localeLanguage = Languages.FromLocale(TeamsActivity.LocaleOf(activity));
        var timeZone = TeamsActivity.TimeZoneOf(activity);
        var name = activity.From?.Name;
        if (current is null)
        {
            return new Learner { Key = key, Language = localeLanguage, TimeZone = timeZone, DisplayName = name, FirstSeen = now, LastActive = now };
        }

        var refreshed = current;
        if (!current.LanguageChosen && current.Language != localeLanguage)
        {
            refreshed = refreshed with { Language = localeLanguage };
        }

        if (timeZone is not null && current.TimeZone != timeZone)
        {
            refreshed = refreshed with { TimeZone = timeZone };
        }

        if (!string.IsNullOrWhiteSpace(name) && current.DisplayName != name)
        {
            refreshed = refreshed with { DisplayName = name };
        }

        return refreshed;
    }
}
