namespace ConnectooBot.Learning.Badges;

/// <summary>A revoked position in the revocation list (also kept after the badge itself is erased).</summary>
public sealed record RevokedStatus(int StatusIndex, BadgeRevocation Revocation);
