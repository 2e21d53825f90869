namespace ConnectooBot.Learning.Teams;

/// <summary>A person who may see a team's per-person progress and set its nudges.</summary>
/// <param name="UserId">Entra object id.</param>
/// <param name="AccountId">The bot-specific <c>29:</c> id (for mentions and private messages), when known.</param>
/// <param name="Name">The name Teams shows. Personal data.</param>
public sealed record TeamManager(string UserId, string? AccountId, string? Name);
