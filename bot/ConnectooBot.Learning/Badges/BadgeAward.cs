using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Learning.Badges;

/// <summary>
/// The fact that a learner earned the Connectoo badge: who, when, with which module scores, on which content.
/// Immutable; the credential that proves it is built and signed by the host.
/// </summary>
public sealed record BadgeAward
{
    /// <summary>Opaque, unguessable id used in the public URLs (32 lowercase hex digits).</summary>
    public required string BadgeId { get; init; }

    public required LearnerKey Learner { get; init; }

    /// <summary>
    /// The course the badge is for (<c>Course.Id</c>): a learner holds at most one valid badge per course. Empty for
    /// badges stored before the course was recorded.
    /// </summary>
    public required string CourseId { get; init; }

    /// <summary>The learner's name as Teams shows it, printed on the badge.</summary>
    public required string DisplayName { get; init; }

    /// <summary>fr, nl, de or en: the language the badge texts are issued in.</summary>
    public required string Language { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Module id → best passing quiz score in percent (0–100), in the course's recommended order.</summary>
    public required IReadOnlyList<ModuleScore> ModuleScores { get; init; }

    /// <summary>The content version the learner passed (Course.Version).</summary>
    public required string ContentVersion { get; init; }

    /// <summary>A new, random badge id.</summary>
    public static string NewBadgeId() => Guid.NewGuid().ToString("N");

    /// <summary>True for 32 lowercase hex digits: the only shape <see cref="NewBadgeId"/> makes.</summary>
    public static bool IsWellFormedBadgeId(string? value) =>
        value is { Length: 32 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
