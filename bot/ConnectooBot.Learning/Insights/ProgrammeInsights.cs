namespace ConnectooBot.Learning.Insights;

/// <summary>
/// What the learning and development officer sees of the whole programme in one tenant: a snapshot computed by the
/// rollup (never per page view), with every group under <see cref="MinimumGroup"/> learners withheld. It holds no
/// name and no user id: only counts, shares and durations.
/// </summary>
public sealed record ProgrammeInsights
{
    /// <summary>The same rule as the team report: no aggregate over fewer learners than this.</summary>
    public const int MinimumGroup = 5;

    public required string TenantId { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>The content version the item statistics refer to.</summary>
    public required string ContentVersion { get; init; }

    public required ProgrammeTotals Totals { get; init; }

    /// <summary>One step per module, in the course's order.</summary>
    public required IReadOnlyList<ModuleFunnelStep> Funnel { get; init; }

    /// <summary>From the first lesson opened to the sixth module passed, over learners who completed.</summary>
    public required DurationSummary TimeToComplete { get; init; }

    /// <summary>One group per language (fr, nl, de, en), in that order.</summary>
    public required IReadOnlyList<GroupSummary> ByLanguage { get; init; }

    /// <summary>One group per installed team (label: the team's name), largest first.</summary>
    public required IReadOnlyList<GroupSummary> ByTeam { get; init; }

    /// <summary>The last weeks (Monday to Sunday, Brussels time), oldest first.</summary>
    public required IReadOnlyList<WeeklyPoint> Weekly { get; init; }

    /// <summary>One entry per question and language that was answered at least once.</summary>
    public required IReadOnlyList<ItemStatistics> Items { get; init; }

    /// <summary>Installed teams whose roster could not be read at the rollup: they are missing from <see cref="ByTeam"/>.</summary>
    public int TeamsWithoutRoster { get; init; }
}

/// <summary>Learners who opened a lesson or quiz; who did so in the last 30 days; who passed all modules.</summary>
public sealed record ProgrammeTotals(int Learners, int Started, int ActiveLast30Days, int Completed);

/// <summary>
/// A module's step in the funnel: learners who opened it, finished its lesson, passed its quiz; the share who passed at
/// their first attempt and the mean number of attempts per pass (null when withheld: fewer than the minimum group).
/// </summary>
public sealed record ModuleFunnelStep(
    string ModuleId,
    int Number,
    int Opened,
    int LessonCompleted,
    int Passed,
    double? FirstAttemptPassRate,
    double? AttemptsPerPass);

/// <summary>Median and 90th percentile (null when fewer than the minimum group completed).</summary>
public sealed record DurationSummary(int Count, TimeSpan? Median, TimeSpan? P90);

/// <summary>
/// One language or team. When <see cref="Withheld"/> (fewer than <see cref="ProgrammeInsights.MinimumGroup"/>
/// learners), every figure but the key and the label is null, so nothing about a few people shows.
/// </summary>
public sealed record GroupSummary(
    string Key,
    string Label,
    bool Withheld,
    int? Learners,
    int? Started,
    int? Completed,
    double? FirstAttemptPassRate,
    IReadOnlyList<int>? PassedPerModule);

/// <summary>Learners who started, were active, completed in a week starting on <see cref="WeekStart"/> (Monday).</summary>
public sealed record WeeklyPoint(DateOnly WeekStart, int Started, int Active, int Completed);

/// <summary>
/// Item analysis of one question in one language, over learners' first answers to it (classical test theory):
/// difficulty (share correct at first sight), discrimination (point-biserial of the item against the rest of the
/// quiz), the share of each choice, how often a miss followed by the review led to a pass. Figures are null when
/// <see cref="Withheld"/> (fewer than the minimum group answered); then <see cref="Responses"/> is 0 and the flags none.
/// Definitions: <c>Insights/README.md</c>.
/// </summary>
public sealed record ItemStatistics(
    string ModuleId,
    string QuestionId,
    string Language,
    int Responses,
    bool Withheld,
    double? Difficulty,
    double? Discrimination,
    IReadOnlyList<ChoiceShare> Choices,
    double? ReviewLedToPass,
    ItemFlags Flags);

public sealed record ChoiceShare(string ChoiceId, bool IsKey, double? Share);

[Flags]
public enum ItemFlags
{
    None = 0,

    /// <summary>More than 95 % right at first sight.</summary>
    TooEasy = 1,

    /// <summary>Less than 30 % right at first sight.</summary>
    TooHard = 2,

    /// <summary>Point-biserial below 0.15.</summary>
    NonDiscriminating = 4,

    /// <summary>A wrong choice drew more first answers than the key.</summary>
    DistractorBeatsKey = 8,
}
