using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ConnectooBot.Storage.Content;

/// <summary>
/// <c>glossary/&lt;lang&gt;.yaml</c>: preferred terms and their banned variants. A banned variant (a whole word or
/// phrase; case-insensitive unless <c>caseSensitive: true</c>) must not appear in that language's module texts or
/// interface strings.
/// </summary>
internal static class GlossaryChecks
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public static void Check(string root, IReadOnlyList<string> moduleIds, List<string> problems, List<(string, byte[])> hash)
    {
        foreach (var language in ContentLimits.Languages)
        {
            var relative = $"glossary/{language}.yaml";
            var path = Path.Combine(root, relative);
            if (!File.Exists(path))
            {
                problems.Add($"{relative}: missing (preferred terms and banned variants of {language}).");
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            hash.Add((relative, bytes));
            GlossaryFile? glossary;
            try
            {
                glossary = Yaml.Deserialize<GlossaryFile>(Encoding.UTF8.GetString(bytes));
            }
            catch (YamlException ex)
            {
                problems.Add($"{relative}: line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
                continue;
            }

            var banned = (glossary?.Terms ?? [])
                .Where(t => !string.IsNullOrWhiteSpace(t.Preferred))
                .SelectMany(t => (t.Banned ?? []).Select(b => (Term: t, Variant: b, Pattern: new Regex(
                    $@"(?<!\w){Regex.Escape(b)}(?!\w)",
                    t.CaseSensitive || t.IgnoreCase == false ? RegexOptions.None : RegexOptions.IgnoreCase))))
                .ToList();
            if (banned.Count == 0)
            {
                problems.Add($"{relative}: no term with a preferred form and banned variants.");
            }

            foreach (var file in TextFiles(root, moduleIds, language))
            {
                var lines = File.ReadAllLines(Path.Combine(root, file));
                for (var n = 0; n < lines.Length; n++)
                {
                    problems.AddRange(banned.Where(b => b.Pattern.IsMatch(lines[n]))
                        .Select(b => $"{file}:{n + 1}: '{b.Variant}' is banned by {relative}; write '{b.Term.Preferred}'."));
                }
            }
        }
    }

    private static IEnumerable<string> TextFiles(string root, IReadOnlyList<string> moduleIds, string language)
    {
        foreach (var id in moduleIds)
        {
            if (File.Exists(Path.Combine(root, "modules", id, language + ".yaml")))
            {
                yield return $"modules/{id}/{language}.yaml";
            }
        }

        var strings = Path.Combine(root, "strings");
        if (Directory.Exists(strings))
        {
            foreach (var file in Directory.GetFiles(strings, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                if (file == language + ".yaml" || file!.EndsWith("." + language + ".yaml", StringComparison.Ordinal))
                {
                    yield return "strings/" + file;
                }
            }
        }
    }
}
