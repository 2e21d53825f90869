using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace ConnectooBot.Web.Content;

/// <summary>
/// Reads <c>strings/*.yaml</c>, <c>commands.yaml</c> and <c>cards/*.json</c> and checks them together: every language
/// has every key, every command has words in every language, every template is an Adaptive Card 1.5 whose
/// placeholders name existing texts. All problems are reported at once.
/// </summary>
public static partial class UiContentLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static UiContent Load(string rootPath)
    {
        var problems = new List<string>();
        if (!Directory.Exists(rootPath))
        {
            throw new ContentValidationException([$"The content folder '{rootPath}' does not exist."]);
        }

        var texts = LoadTexts(rootPath, problems);
        var commands = LoadCommands(rootPath, problems);
        var templates = LoadTemplates(rootPath, problems);
        CheckPlaceholders(templates, texts, commands, problems);
        if (problems.Count > 0)
        {
            throw new ContentValidationException(problems);
        }

        return new UiContent(texts, commands, templates);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> LoadTexts(string root, List<string> problems)
    {
        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var language in Languages.All)
        {
            var path = Path.Combine(root, "strings", language + ".yaml");
            var map = ReadYaml<Dictionary<string, string?>>(path, problems);
            if (map is null)
            {
                continue;
            }

            foreach (var (key, value) in map.Where(kv => string.IsNullOrWhiteSpace(kv.Value)))
            {
                problems.Add($"strings/{language}.yaml: '{key}' is empty.");
            }

            texts[language] = map.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
                .ToDictionary(kv => kv.Key, kv => kv.Value!.Trim(), StringComparer.Ordinal);
        }

        if (texts.TryGetValue(Languages.English, out var english))
        {
            foreach (var (language, map) in texts.Where(t => t.Key != Languages.English))
            {
                problems.AddRange(english.Keys.Except(map.Keys).Select(k => $"strings/{language}.yaml: '{k}' is missing."));
                problems.AddRange(map.Keys.Except(english.Keys).Select(k => $"strings/{language}.yaml: '{k}' is not in en.yaml."));
            }
        }

        return texts;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> LoadCommands(string root, List<string> problems)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        var map = ReadYaml<Dictionary<string, Dictionary<string, List<string>>>>(Path.Combine(root, "commands.yaml"), problems);
        foreach (var (command, byLanguage) in map ?? [])
        {
            foreach (var language in Languages.All.Where(l => !byLanguage.TryGetValue(l, out var words) || words.Count == 0))
            {
                problems.Add($"commands.yaml: '{command}' has no words in '{language}'.");
            }

            result[command] = byLanguage.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
        }

        return result;
    }

    private static Dictionary<string, JsonObject> LoadTemplates(string root, List<string> problems)
    {
        var templates = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var folder = Path.Combine(root, "cards");
        foreach (var path in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [])
        {
            var name = Path.GetFileNameWithoutExtension(path);
            try
            {
                if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject card
                    || card["type"]?.GetValue<string>() != "AdaptiveCard"
                    || card["version"]?.GetValue<string>() != "1.5")
                {
                    problems.Add($"cards/{name}.json: not an AdaptiveCard of version 1.5.");
                    continue;
                }

                templates[name] = card;
            }
            catch (JsonException ex)
            {
                problems.Add($"cards/{name}.json: invalid JSON ({ex.Message}).");
            }
        }

        return templates;
    }

    private static void CheckPlaceholders(
        Dictionary<string, JsonObject> templates,
        Dictionary<string, IReadOnlyDictionary<string, string>> texts,
        Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> commands,
        List<string> problems)
    {
        if (!texts.TryGetValue(Languages.English, out var english))
        {
            return;
        }

        foreach (var (name, card) in templates)
        {
            foreach (Match match in Placeholder().Matches(card.ToJsonString()))
            {
                var path = match.Groups[1].Value;
                if (path.StartsWith("t.", StringComparison.Ordinal) && !english.ContainsKey(path[2..]))
                {
                    problems.Add($"cards/{name}.json: '{path}' names no text in strings/en.yaml.");
                }
                else if (path.StartsWith("command.", StringComparison.Ordinal) && !commands.ContainsKey(path["command.".Length..]))
                {
                    problems.Add($"cards/{name}.json: '{path}' names no command in commands.yaml.");
                }
            }
        }
    }

    private static T? ReadYaml<T>(string path, List<string> problems)
        where T : class
    {
        if (!File.Exists(path))
        {
            problems.Add($"{path}: missing.");
            return null;
        }

        try
        {
            return Yaml.Deserialize<T>(File.ReadAllText(path));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            problems.Add($"{path}: invalid YAML at line {ex.Start.Line} ({ex.Message}).");
            return null;
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_.\-]+)\}")]
    internal static partial Regex Placeholder();
}
