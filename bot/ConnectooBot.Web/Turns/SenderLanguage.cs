using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Storage;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The language the bot answers someone in where no learner session is open (a channel, a manager's command): the
/// language stored with that person's learner record when they have one, else the activity's locale. Teams clients and
/// the Agents Playground often send en-US with every channel message and click, so the locale alone would answer a
/// French-speaking manager in English.
/// </summary>
public sealed class SenderLanguage(ILearnerStore learners)
{
    /// <summary>One point read of the sender's learner record (none for an activity that names nobody).</summary>
    public async Task<string> OfSenderAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Learner? learner = null;
        if (TeamsActivity.LearnerKeyOf(activity) is { } key)
        {
            try
            {
                learner = (await learners.FindAsync(key, cancellationToken))?.Value;
            }
            catch (Exception e) when (StorageFaults.IsUnavailable(e))
            {
                // The language is a courtesy: with storage down the answer still goes out, in the activity's locale.
            }
        }

        return Of(learner, activity);
    }

    /// <summary>The language for a sender whose learner record (or its absence) is already known.</summary>
    /// <param name="fallbackLocale">Used when the activity carries no locale (e.g. the team's).</param>
    public static string Of(Learner? learner, Activity activity, string? fallbackLocale = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return learner?.Language ?? Languages.FromLocale(TeamsActivity.LocaleOf(activity) ?? fallbackLocale);
    }
}
