using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The learner behind a personal-chat turn: created on first contact with the language of their Teams locale, and
/// changed through <see cref="LearnerUpdater"/> (one point read; one write only when something changed; on an ETag
/// conflict the change is re-applied to the fresh state). The write also takes the turn's activity claim
/// (<see cref="TurnClaim"/>) when the turn does not hold it yet, in the same transaction: no extra round trip. If the
/// activity is already claimed, nothing is written: the claim decides (processed or running elsewhere: the turn
/// stops; an expired lease: taken over, and the change applied).
/// </summary>
internal sealed class LearnerSessions(LearnerUpdater updater, TimeProvider time)
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

    /// <summary>Applies <paramref name="change"/> to the learner (the same instance back means "no change").</summary>
    public async Task<(Learner Learner, T Result)> ChangeAsync<T>(Activity activity, Func<Learner, (Learner Updated, T Result)> change, CancellationToken cancellationToken)
    {
        var key = TeamsActivity.LearnerKeyOf(activity) ?? throw new InvalidOperationException("The activity names no learner.");
        var now = time.GetUtcNow();
        T result = default!;
        Learner? Apply(Learner? current)
        {
            var baseline = Refresh(current, key, activity, now);
            var (updated, value) = change(baseline);
            result = value;
            return updated;
        }

        var claim = TurnClaim.Current;
        Func<ActivityClaim?>? riding = claim is { IsTaken: false } && claim.TenantId == key.TenantId ? () => StoredActivityClaims.ToRide(claim) : null;
        Learner? saved;
        ActivityClaim? written;
        try
        {
            (saved, written) = await updater.UpdateAsync(key, Apply, riding, cancellationToken);
        }
        catch (ActivityClaimedException)
        {
            await claim!.EnsureTakenAsync(cancellationToken);
            (saved, written) = await updater.UpdateAsync(key, Apply, null, cancellationToken);
        }

        if (written is not null)
        {
            claim!.TakenWithWrite(written.Done, written.Done ? claim.FinalAnswer : null);
        }

        return (saved!, result);
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
