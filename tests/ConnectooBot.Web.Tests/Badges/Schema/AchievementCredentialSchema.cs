using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ConnectooBot.Web.Tests.Badges.Schema;

/// <summary>
/// The official 1EdTech Open Badges 3.0 JSON Schema for <c>AchievementCredential</c> (draft 2019-09, vendored beside
/// this file: see README.md for its source), evaluated with JsonSchema.Net. Every credential a badge test issues goes
/// through <see cref="AssertValid"/> (through <see cref="SchemaCheckedBadgeStore"/>): a credential the schema refuses
/// fails the test with the schema's own messages.
/// </summary>
internal static class AchievementCredentialSchema
{
    public const string FileName = "ob_v3p0_achievementcredential_schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Badges", "Schema", FileName)), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>Formats (date-time, date) are asserted, not only annotated, and every failure is listed.</summary>
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The schema's base URI (its <c>$id</c>).</summary>
    public static Uri Id => Schema.Value.BaseUri;

    /// <summary>The schema's complaints about <paramref name="credential"/>, one line each ("/path: message"); none when valid.</summary>
    public static IReadOnlyList<string> Violations(JsonNode credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        using var document = JsonDocument.Parse(credential.ToJsonString());
        var results = Schema.Value.Evaluate(document.RootElement, Options);
        if (results.IsValid)
        {
            return [];
        }

        return [.. (results.Details is { Count: > 0 } details ? details : [results])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}, {e.Key}): {e.Value}"))
            .Distinct()];
    }

    /// <summary>Fails unless the payload of the compact JWS <paramref name="compactJws"/> is a valid AchievementCredential.</summary>
    public static void AssertValid(string compactJws)
    {
        var violations = Violations(CredentialParts.Payload(compactJws));
        if (violations.Count > 0)
        {
            throw new SchemaViolationException(
                $"The credential is not a valid OB 3.0 AchievementCredential ({violations.Count} violation(s) of the official schema):{Environment.NewLine}"
                + string.Join(Environment.NewLine, violations));
        }
    }
}
