using System.Text.Json.Nodes;

namespace ConnectooBot.Web.Tests.Manifest;

/// <summary>The Teams app manifest template and its language files, read from <c>manifest/</c> in the repository.</summary>
internal static class TeamsManifestFiles
{
    public static IReadOnlyList<string> AdditionalLanguages { get; } = ["fr", "nl", "de"];

    public static string Folder => Path.Combine(ContentPaths.RepositoryRoot, "manifest");

    public static string TemplateText => File.ReadAllText(Path.Combine(Folder, "manifest.template.json"));

    /// <summary>The template with its placeholders filled with development values, parsed.</summary>
    public static JsonObject Template => JsonNode.Parse(TemplateText
        .Replace("{{APP_ID}}", "00000000-0000-0000-0000-00000000b071", StringComparison.Ordinal)
        .Replace("{{BOT_ID}}", "00000000-0000-0000-0000-00000000b071", StringComparison.Ordinal)
        .Replace("{{DOMAIN}}", "connectoobot.localhost", StringComparison.Ordinal)
        .Replace("{{VERSION}}", "1.0.0", StringComparison.Ordinal))!.AsObject();

    public static JsonObject LanguageFile(string language) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, language + ".json")))!.AsObject();

    public static JsonObject Bot => Template["bots"]!.AsArray().Single()!.AsObject();

    /// <summary>Each command list of the bot: its position, its scopes and its commands (title, description).</summary>
    public static IReadOnlyList<ManifestCommandList> CommandLists =>
    [
        .. Bot["commandLists"]!.AsArray().Select((list, index) => new ManifestCommandList(
            index,
            [.. list!["scopes"]!.AsArray().Select(scope => scope!.GetValue<string>())],
            [.. list["commands"]!.AsArray().Select(command => new ManifestCommand(command!["title"]!.GetValue<string>(), command["description"]!.GetValue<string>()))])),
    ];
}
