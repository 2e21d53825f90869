using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// The issuer Profile (OB 3.0 §B.1.14) and the Achievement (§B.1.1), as JSON-LD. The Achievement exists in the four
/// course languages (<c>inLanguage</c>), each edition pointing at the others through <c>related</c> ("primarily intended
/// to identify alternate language editions"); every module is a <c>ResultDescription</c> of type Percent.
/// </summary>
public sealed class BadgeDocuments(BadgeTexts texts, BadgeUrls urls, IOptions<BadgeOptions> options, BadgeCourseView course)
{
    /// <summary>The Profile served at <see cref="BadgeUrls.Issuer"/>.</summary>
    public JsonObject IssuerProfileDocument() => WithContext(IssuerProfile());

    /// <summary>The issuer as embedded in a credential.</summary>
    public JsonObject IssuerProfile()
    {
        var profile = new JsonObject
        {
            ["id"] = urls.Issuer,
            ["type"] = new JsonArray(OpenBadgesTerms.Profile),
            ["name"] = options.Value.IssuerName,
        };
        if (!string.IsNullOrWhiteSpace(options.Value.IssuerDescription))
        {
            profile["description"] = options.Value.IssuerDescription;
        }

        return profile;
    }

    /// <summary>The Achievement served at <see cref="BadgeUrls.Achievement"/>, with the current course's modules.</summary>
    public JsonObject AchievementDocument(string language) => WithContext(Achievement(language, course.ModuleIds, course.Version));

    /// <summary>The Achievement in <paramref name="language"/> with one result description per module.</summary>
    public JsonObject Achievement(string language, IReadOnlyList<string> moduleIds, string? version)
    {
        var achievement = new JsonObject
        {
            ["id"] = urls.Achievement(language),
            ["type"] = new JsonArray(OpenBadgesTerms.Achievement),
            ["achievementType"] = "Badge",
            ["name"] = texts[language, "badge.achievement.name"],
            ["description"] = texts[language, "badge.achievement.description"],
            ["criteria"] = new JsonObject { ["narrative"] = texts[language, "badge.achievement.criteria"] },
            ["image"] = new JsonObject
            {
                ["id"] = urls.Image,
                ["type"] = OpenBadgesTerms.Image,
                ["caption"] = texts[language, "badge.image.caption"],
            },
            ["inLanguage"] = language,
            ["related"] = new JsonArray(
            [
                .. Languages.All.Where(l => l != language).Select(l => (JsonNode)new JsonObject
                {
                    ["id"] = urls.Achievement(l),
                    ["type"] = new JsonArray(OpenBadgesTerms.Related),
                    ["inLanguage"] = l,
                }),
            ]),
        };
        if (moduleIds.Count > 0)
        {
            achievement["resultDescription"] = new JsonArray([.. moduleIds.Select((m, i) => (JsonNode)ResultDescription(language, m, i))]);
        }

        if (version is not null)
        {
            achievement["version"] = version;
        }

        return achievement;
    }

    /// <summary>The id of a module's result description in an edition of the Achievement.</summary>
    public string ResultDescriptionId(string language, string moduleId) => urls.Achievement(language) + "#" + moduleId;

    private JsonObject ResultDescription(string language, string moduleId, int position)
    {
        var description = new JsonObject
        {
            ["id"] = ResultDescriptionId(language, moduleId),
            ["type"] = new JsonArray(OpenBadgesTerms.ResultDescription),
            ["name"] = course.ModuleTitle(moduleId, language, position),
            ["resultType"] = "Percent",
            ["valueMin"] = "0",
            ["valueMax"] = "100",
        };
        if (course.PassPercent is { } pass)
        {
            description["requiredValue"] = pass.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return description;
    }

    private static JsonObject WithContext(JsonObject document)
    {
        var withContext = new JsonObject { ["@context"] = new JsonArray(OpenBadgesTerms.OpenBadgesContext) };
        foreach (var (name, value) in document.ToList())
        {
            document.Remove(name);
            withContext[name] = value;
        }

        return withContext;
    }
}
