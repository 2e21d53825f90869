using System.Text.Json.Nodes;
using System.Xml;

namespace ConnectooBot.Testing.Graph;

/// <summary>
/// The request bodies Microsoft Graph v1.0 documents for Viva Learning, as rules: the properties a body may carry,
/// those it must carry, the <c>@odata.type</c> and enum values, and the value types. Sources (microsoft-graph-docs-contrib,
/// api-reference/v1.0): resources/learningcontent.md and api/learningcontent-update.md; resources/learningcourseactivity.md,
/// resources/learningselfinitiatedcourse.md, api/employeeexperienceuser-post-learningcourseactivities.md,
/// api/learningcourseactivity-update.md. Each method returns the violations (empty: the body fits).
/// </summary>
public static class VivaLearningShapes
{
    public const string ContentType = "#microsoft.graph.learningContent";
    public const string SelfInitiatedType = "#microsoft.graph.learningSelfInitiatedCourse";

    private static readonly HashSet<string> ContentProperties = new(StringComparer.Ordinal)
    {
        "@odata.type", "additionalTags", "contentWebUrl", "contributors", "createdDateTime", "description", "duration", "externalId",
        "format", "isActive", "isPremium", "isSearchable", "languageTag", "lastModifiedDateTime", "numberOfPages", "skillTags",
        "sourceName", "thumbnailWebUrl", "title",
    };

    // The create page spells it externalCourseActivityId, the resource and update pages externalcourseActivityId: both are accepted.
    private static readonly HashSet<string> CreateProperties = new(StringComparer.Ordinal)
    {
        "@odata.type", "completedDateTime", "completionPercentage", "externalCourseActivityId", "externalcourseActivityId",
        "learningContentId", "learningProviderId", "learnerUserId", "startedDateTime", "status",
    };

    // The properties the update page lists for a self-initiated course, plus the identifying ones its example repeats.
    private static readonly HashSet<string> UpdateProperties = new(StringComparer.Ordinal)
    {
        "@odata.type", "completedDateTime", "completionPercentage", "status", "startedDateTime",
        "externalCourseActivityId", "externalcourseActivityId", "learningContentId", "learningProviderId",
    };

    /// <summary>A self-initiated course is <c>inProgress</c> or <c>completed</c> (courseStatus; <c>notStarted</c> is for assignments).</summary>
    private static readonly HashSet<string> SelfInitiatedStatuses = new(StringComparer.Ordinal) { "inProgress", "completed" };

    public static List<string> Content(JsonObject body, string externalIdInPath)
    {
        var errors = Common(body, ContentProperties, ["contentWebUrl", "externalId", "languageTag", "title"], ContentType, typeRequired: false);
        if (Text(body, "externalId") is { } externalId && externalId != externalIdInPath)
        {
            errors.Add($"externalId '{externalId}' differs from the key in the path '{externalIdInPath}'");
        }

        if (Text(body, "contentWebUrl") is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors.Add("contentWebUrl is not an absolute URL");
        }

        if (Text(body, "duration") is { } duration && !IsDuration(duration))
        {
            errors.Add($"duration '{duration}' is not an ISO 8601 duration");
        }

        foreach (var flag in new[] { "isActive", "isPremium", "isSearchable" })
        {
            if (body[flag] is { } value && value.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                errors.Add($"{flag} is not a Boolean");
            }
        }

        return errors;
    }

    public static List<string> CreateSelfInitiated(JsonObject body)
    {
        var errors = Common(body, CreateProperties, ["learningContentId", "learnerUserId", "status"], SelfInitiatedType, typeRequired: true);
        if (Text(body, "learnerUserId") is { } learner && !Guid.TryParseExact(learner, "D", out _))
        {
            errors.Add("learnerUserId is not an Entra object id (GUID)");
        }

        ActivityValues(body, errors);
        return errors;
    }

    public static List<string> UpdateSelfInitiated(JsonObject body)
    {
        var errors = Common(body, UpdateProperties, ["status"], SelfInitiatedType, typeRequired: false);
        ActivityValues(body, errors);
        return errors;
    }

    private static void ActivityValues(JsonObject body, List<string> errors)
    {
        if (Text(body, "status") is { } status && !SelfInitiatedStatuses.Contains(status))
        {
            errors.Add($"status '{status}' is not a courseStatus of a self-initiated course");
        }

        if (body["completionPercentage"] is { } percentage && (percentage.GetValueKind() != System.Text.Json.JsonValueKind.Number || percentage.GetValue<int>() is < 0 or > 100))
        {
            errors.Add("completionPercentage is not an integer between 0 and 100");
        }

        foreach (var instant in new[] { "completedDateTime", "startedDateTime" })
        {
            if (body[instant] is { } value && (value.GetValueKind() != System.Text.Json.JsonValueKind.String || !DateTimeOffset.TryParse(value.GetValue<string>(), out _)))
            {
                errors.Add($"{instant} is not a DateTimeOffset");
            }
        }

        if (Text(body, "status") == "completed" && body["completedDateTime"] is null)
        {
            errors.Add("a completed course carries no completedDateTime");
        }
    }

    private static List<string> Common(JsonObject body, HashSet<string> allowed, string[] required, string odataType, bool typeRequired)
    {
        var errors = body.Select(p => p.Key).Where(k => !allowed.Contains(k)).Select(k => $"unknown property '{k}'").ToList();
        errors.AddRange(required.Where(r => body[r] is null).Select(r => $"required property '{r}' is missing"));
        var type = Text(body, "@odata.type");
        if (type is null ? typeRequired : type != odataType)
        {
            errors.Add($"@odata.type is '{type ?? "(none)"}', expected '{odataType}'");
        }

        return errors;
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;

    private static bool IsDuration(string value)
    {
        try
        {
            XmlConvert.ToTimeSpan(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
