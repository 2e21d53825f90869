namespace ConnectooBot.Learning.Badges;

/// <summary>An operator withdrew the badge: why and when. A revoked badge verifies as revoked, never as valid.</summary>
public sealed record BadgeRevocation(string Reason, DateTimeOffset RevokedAt)
{
    /// <summary>The reason recorded when a learner's data is erased: the credential stays revoked, nothing personal is kept.</summary>
    public const string ErasedReason = "erased";
}
