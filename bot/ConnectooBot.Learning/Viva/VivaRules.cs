using System.Security.Cryptography;
using System.Text;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Learning.Viva;

/// <summary>
/// What Viva Learning should know of a learner's module, and whether what it was last told is behind. Pure: the worker
/// calls these with the learner it read (or was handed) and the sync rows it keeps.
/// </summary>
public static class VivaRules
{
    /// <summary>How long a row claimed for creating an activity is left to the instance that claimed it.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);

    /// <summary>The external id of a module's content in one language: stable across runs, so a PATCH upserts it.</summary>
    public static string ContentExternalId(string moduleId, string language) => $"connectoo-{moduleId}-{language}";

    /// <summary>
    /// The external id of a learner's activity on a module: deterministic (the same learner and module always give
    /// the same id, so a retry finds what an earlier try created) and opaque (a hash, no identifier in clear).
    /// </summary>
    public static string ActivityExternalId(LearnerKey learner, string moduleId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{learner.TenantId}/{learner.UserId}/{moduleId}"));
        return "connectoo-" + new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    /// <summary>Only a learner keyed by an Entra object id (a GUID) can be named in Viva Learning (<c>learnerUserId</c>).</summary>
    public static bool CanSync(LearnerKey learner) => Guid.TryParseExact(learner.UserId, "D", out _);

    /// <summary>
    /// Null while the module was never opened. Opened: in progress, with the share of the lesson steps reached; the
    /// quiz counts as one more step, so an unfinished module stays under 100 %. Passed: completed, 100 %, with the
    /// date of the first passed attempt.
    /// </summary>
    public static VivaTarget? Target(Module module, ModuleProgress progress)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.PassedAt is { } passedAt)
        {
            return new VivaTarget(VivaStatus.Completed, 100, passedAt);
        }

        var steps = module.Steps.Count;
        var reached = progress.LessonCompleted ? steps : Math.Clamp(progress.FurthestStep + 1, 0, steps);
        if (reached == 0 && progress.AttemptCount == 0)
        {
            return null;
        }

        var percentage = (int)Math.Floor(100.0 * reached / (steps + 1));
        return new VivaTarget(VivaStatus.InProgress, Math.Clamp(percentage, 1, 99), null);
    }

    /// <summary>
    /// The state to send, or null when Viva Learning is already up to date. Never backwards: a learner handed in an
    /// older state (an earlier nudge processed late) never lowers the percentage nor reopens a completed module.
    /// </summary>
    public static VivaTarget? Update(VivaTarget? synced, VivaTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (synced is null)
        {
            return target;
        }

        if (synced.Status == VivaStatus.Completed)
        {
            return null;
        }

        return target.Status == VivaStatus.Completed || target.Percentage > synced.Percentage ? target : null;
    }

    /// <summary>Whether a row claimed for creation may be taken by another instance (its claim ran out).</summary>
    public static bool ClaimExpired(VivaActivity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.GraphId is null && (activity.ClaimedAt is not { } claimed || now - claimed >= ClaimLifetime);
    }
}
