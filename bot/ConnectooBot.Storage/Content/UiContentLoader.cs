using ConnectooBot.Learning.Catalog;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace ConnectooBot.Storage.Content;

/// <summary>
/// Reads <c>strings/*.yaml</c>, <c>commands.yaml</c> and <c>cards/*.json</c> and checks them together: every language
/// has every key, every command has words in every language, every template is an Adaptive Card 1.5 whose
/// placeholders name existing texts. All problems are reported at once.
/// </summary>
internal static partial class UiContentLoader
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

    /// <summary>
    /// Texts of a language come from <c>strings/&lt;lang&gt;.yaml</c> and any <c>strings/&lt;area&gt;.&lt;lang&gt;.yaml</c>
    /// (one file per feature area); a key may be defined once per language.
    /// </summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> LoadTexts(string root, List<string> problems)
    {
        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var folder = Path.Combine(root, "strings");
        foreach (var language in Languages.All)
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            var files = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.yaml").Where(f => LanguageOfFile(f) == language).Order(StringComparer.Ordinal).ToList()
                : [];
            if (files.Count == 0)
            {
                problems.Add($"strings/{language}.yaml: missing.");
            }

            foreach (var path in files)
            {
                var name = "strings/" + Path.GetFileName(path);
                foreach (var (key, value) in ReadYaml<Dictionary<string, string?>>(path, problems) ?? [])
                {
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        problems.Add($"{name}: '{key}' is empty.");
                    }
                    else if (!merged.TryAdd(key, Typography.Apply(language, value.Trim())))
                    {
                        problems.Add($"{name}: '{key}' is defined twice for '{language}'.");
                    }
                    else
                    {
                        problems.AddRange(PluralText.Problems(value).Select(p => $"{name}: '{key}': {p}."));
                    }
                }
            }

            texts[language] = merged;
        }

        if (texts.TryGetValue(Languages.English, out var english))
        {
            foreach (var (language, map) in texts.Where(t => t.Key != Languages.English))
            {
                problems.AddRange(english.Keys.Except(map.Keys).Select(k => $"strings ({language}): '{k}' is missing."));
                problems.AddRange(map.Keys.Except(english.Keys).Select(k => $"strings ({language}): '{k}' is not in English."));
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

    /// <summary>Cards in <c>cards/*.json</c> (Adaptive Cards 1.5) and reusable parts in <c>cards/parts/*.json</c> (named "parts/…").</summary>
    private static Dictionary<string, JsonObject> LoadTemplates(string root, List<string> problems)
    {
        var templates = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (folder, prefix, isCard) in new[] { ("cards", "", true), ("cards/parts", "parts/", false) })
        {
            var path = Path.Combine(root, folder);
            foreach (var file in Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray() : [])
            {
                var name = prefix + Path.GetFileNameWithoutExtension(file);
                try
                {
                    if (JsonNode.Parse(File.ReadAllText(file)) is not JsonObject card)
                    {
                        problems.Add($"cards/{name}.json: not a JSON object.");
                    }
                    else if (isCard && (card["type"]?.GetValue<string>() != "AdaptiveCard" || card["version"]?.GetValue<string>() != "1.5"))
                    {
                        problems.Add($"cards/{name}.json: not an AdaptiveCard of version 1.5.");
                    }
                    else
                    {
                        templates[name] = card;
                    }
                }
                catch (JsonException ex)
                {
                    problems.Add($"cards/{name}.json: invalid JSON ({ex.Message}).");
                }
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

    /// <summary>"fr.yaml" → fr; "badge.fr.yaml" → fr.</summary>
    private static string LanguageOfFile(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name[(dot + 1)..];
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
