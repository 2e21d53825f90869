namespace ConnectooBot.Learning.Badges;

/// <summary>An issued badge as stored: the award, its signed credential and its place in the revocation list.</summary>
public sealed record BadgeRecord
{
    public required BadgeAward Award { get; init; }

    /// <summary>The signed credential in compact form (opaque to the domain).</summary>
    public required string Credential { get; init; }

    /// <summary>The badge's position in the issuer's public revocation list; unique among all badges ever issued.</summary>
    public required int StatusIndex { get; init; }

    public BadgeRevocation? Revocation { get; init; }

    public string BadgeId => Award.BadgeId;

    public bool IsRevoked => Revocation is not null;
}
