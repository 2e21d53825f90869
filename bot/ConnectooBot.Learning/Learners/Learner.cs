using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Learning.Learners;

/// <summary>
/// Everything the bot keeps about one learner. Immutable: a change returns a new record, which the store
/// saves with the ETag it was read with.
/// </summary>
public sealed record Learner
{
    public required LearnerKey Key { get; init; }

    /// <summary>fr, nl, de or en.</summary>
    public required string Language { get; init; }

    /// <summary>True once the learner picked a language themselves; the Teams locale no longer overrides it.</summary>
    public bool LanguageChosen { get; init; }

    /// <summary>IANA time zone from Teams' localTimezone, when known.</summary>
    public string? TimeZone { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastActive { get; init; }

    /// <summary>The name Teams shows for the learner (for the badge and the manager's report). Personal data.</summary>
    public string? DisplayName { get; init; }

    public CourseProgress Progress { get; init; } = CourseProgress.Empty;

    /// <summary>The teams (Teams team ids) where the learner shared their badge, so a repeated click posts nothing twice.</summary>
    public IReadOnlyList<string> BadgeSharedInTeams { get; init; } = [];
}
