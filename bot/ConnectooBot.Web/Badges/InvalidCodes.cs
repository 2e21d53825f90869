namespace ConnectooBot.Web.Badges;

/// <summary>Why a credential does not verify (stable codes for the verify endpoint).</summary>
public static class InvalidCodes
{
    public const string Malformed = "malformed";
    public const string Signature = "signature";
    public const string Issuer = "issuer";
    public const string Structure = "structure";
    public const string NotYetValid = "not-yet-valid";
    public const string Expired = "expired";
    public const string Status = "status";
    public const string Unknown = "unknown";
}
