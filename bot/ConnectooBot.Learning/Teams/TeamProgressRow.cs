namespace ConnectooBot.Learning.Teams;

/// <summary>One person in a manager's progress table.</summary>
/// <param name="CurrentModuleId">The module the person is on (<see cref="CurrentModule"/>): never one already passed.</param>
public sealed record TeamProgressRow(
    string UserId,
    string? Name,
    int ModulesPassed,
    string? CurrentModuleId,
    DateTimeOffset? LastActive,
    bool HasBadge);
