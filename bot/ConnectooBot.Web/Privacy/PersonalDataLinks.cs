using ConnectooBot.Learning.Learners;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Privacy;

/// <summary>Short-lived signed links to a person's own data (web page and JSON), made for them only.</summary>
internal sealed class PersonalDataLinks(SignedTokens tokens, IPublicAddress address)
{
    public const string PagePath = "/my-data";
    public const string JsonPath = "/my-data.json";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private const string Purpose = "my-data";

    public (string Page, string Json) Create(LearnerKey key, string language)
    {
        var token = tokens.Create(Purpose, Lifetime, key.TenantId, key.UserId);
        var root = address.BaseUrl;
        return ($"{root}{PagePath}?t={token}&lang={language}", $"{root}{JsonPath}?t={token}");
    }

    public LearnerKey? Read(string? token) => tokens.Read(Purpose, token) is [var tenant, var user] ? new LearnerKey(tenant, user) : null;
}
