using ConnectooBot.Learning.Learners;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Web.Content;

namespace ConnectooBot.Web.Teams;

/// <summary>
/// Finds the learner behind a personal-chat turn, creating them on first contact with the language of their Teams
/// locale. One point read per turn; a write only when something changed.
/// </summary>
internal sealed class LearnerSessions(LearnerUpdater updater, TimeProvider time)
{
    public async Task<Learner?> EnsureAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!TeamsActivity.IsPersonal(activity) || TeamsActivity.LearnerKeyOf(activity) is not { } key)
        {
            return null;
        }

        var localeLanguage = Languages.FromLocale(TeamsActivity.LocaleOf(activity));
        var timeZone = TeamsActivity.TimeZoneOf(activity);
        var now = time.GetUtcNow();
        return await updater.UpdateAsync(key, current => current switch
        {
            null => new Learner { Key = key, Language = localeLanguage, TimeZone = timeZone, FirstSeen = now, LastActive = now },
            { LanguageChosen: false } when current.Language != localeLanguage => current with { Language = localeLanguage },
            _ when timeZone is not null && current.TimeZone != timeZone => current with { TimeZone = timeZone },
            _ => current,
        }, cancellationToken);
    }

    /// <summary>The language to answer in: the learner's, else the activity's locale.</summary>
    public static string LanguageFor(Learner? learner, Activity activity) =>
        learner?.Language ?? Languages.FromLocale(TeamsActivity.LocaleOf(activity));
}
