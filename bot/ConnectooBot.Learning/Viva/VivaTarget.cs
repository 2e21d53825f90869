namespace ConnectooBot.Learning.Viva;

/// <summary>What Viva Learning should show for one learner and module: a status, a completion percentage and, once passed, when.</summary>
public sealed record VivaTarget(VivaStatus Status, int Percentage, DateTimeOffset? CompletedAt);
