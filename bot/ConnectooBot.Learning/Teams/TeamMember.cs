namespace ConnectooBot.Learning.Teams;

/// <summary>A member of a team's roster, as Teams lists it.</summary>
/// <param name="UserId">Entra object id.</param>
/// <param name="Name">Display name. Personal data.</param>
public sealed record TeamMember(string UserId, string? Name);
