namespace ConnectooBot.Learning.Insights;

/// <summary>
/// A team as the rollup needs it: its id (hashed into <see cref="GroupSummary.Key"/>, never shown), its name (the
/// group's label) and the Entra object ids of its members (matched case-insensitively with learners' user ids).
/// </summary>
public sealed record TeamRoster(string TeamId, string Name, IReadOnlyCollection<string> MemberIds);
