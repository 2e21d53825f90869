using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Learning.Viva;

/// <summary>
/// The sync state of one learner's module in Viva Learning (a <c>learningSelfInitiatedCourse</c>). Written before the
/// first POST (<see cref="GraphId"/> null, <see cref="ClaimedAt"/> set: "being created"), then with the id Graph
/// returned and what was last sent (<see cref="Synced"/>). A row whose id is still null after a crash is resolved by
/// looking the activity up by <see cref="ExternalId"/> before any second POST.
/// </summary>
public sealed record VivaActivity
{
    public required LearnerKey Learner { get; init; }
    public required string ModuleId { get; init; }
    /// <summary>The provider's id of the activity (<c>externalCourseActivityId</c>): deterministic per learner and module.</summary>
    public required string ExternalId { get; init; }
    /// <summary>The Viva Learning id of the content the activity points to (<c>learningContentId</c>).</summary>
    public required string ContentId { get; init; }
    /// <summary>The activity's Graph id once created; null while its creation is in flight (or was cut short).</summary>
    public string? GraphId { get; init; }
    /// <summary>What Viva Learning was last told (null before the first successful write).</summary>
    public VivaTarget? Synced { get; init; }
    /// <summary>When the bot first saw the module opened (sent as <c>startedDateTime</c>).</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When an instance last took the row to create the activity: another one leaves it alone until <see cref="VivaRules.ClaimLifetime"/> passed.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }
}
