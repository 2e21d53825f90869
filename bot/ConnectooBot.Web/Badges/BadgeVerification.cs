namespace ConnectooBot.Web.Badges;

/// <summary>What <see cref="BadgeVerifier"/> found about a credential.</summary>
public abstract record BadgeVerification
{
    private BadgeVerification()
    {
    }

    /// <summary>Signed with the published key, well-formed, issued by this issuer, in force and not revoked.</summary>
    public sealed record Valid(string BadgeId) : BadgeVerification;

    /// <summary>Authentic, but the issuer revoked it.</summary>
    public sealed record Revoked(string? BadgeId, string Reason, DateTimeOffset RevokedAt) : BadgeVerification;

    /// <summary>Not to be trusted; <paramref name="Code"/> is one of <see cref="InvalidCodes"/>, the detail is for people.</summary>
    public sealed record Invalid(string Code, string Detail) : BadgeVerification;
}
