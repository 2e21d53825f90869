namespace ConnectooBot.Learning.Teams;

/// <summary>One person in a manager's progress table.</summary>
public sealed record TeamProgressRow(
    string UserId,
    string? Name,
    int ModulesPassed,
    string? CurrentModuleId,
    DateTimeOffset? LastActive,
    bool HasBadge);
