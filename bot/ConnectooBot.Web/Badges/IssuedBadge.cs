using ConnectooBot.Learning.Badges;

namespace ConnectooBot.Web.Badges;

/// <summary>An issued badge and where people and tools find it (for the badge card in the chat).</summary>
public sealed record IssuedBadge(
    BadgeRecord Record,
    string PageUrl,
    string ImageUrl,
    string BakedImageUrl,
    string CredentialUrl,
    string VerifyUrl,
    string WalletUrl);
