using System.Text.RegularExpressions;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Talk;
using ConnectooBot.Storage.Content;
using YamlDotNet.Serialization;

namespace ConnectooBot.Web.Help;

/// <summary>
/// Reads <c>faq/questions.yaml</c> and <c>faq/small-talk.yaml</c> under the content root and checks them against the
/// interface texts: every question and kind has keywords in every language and its answer (<c>faq.&lt;id&gt;</c>,
/// <c>talk.&lt;kind&gt;</c>) in <c>strings/</c>; every <c>${command.x}</c> in a text names a command. All problems are
/// reported at once; the host does not start with any.
/// </summary>
public static partial class TalkLibraryLoader
{
    public const string Any = "any";
    public const string StepKey = "step";
    public const string Filler = "filler";

    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static TalkLibrary Load(string contentRoot, UiContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<string>();
        var questions = Topics(contentRoot, "questions.yaml", "faq.", content, problems, allowFiller: false);
        var kinds = Topics(contentRoot, "small-talk.yaml", "talk.", content, problems, allowFiller: true);
        var fillers = kinds.FirstOrDefault(k => k.Id == Filler)?.Phrases ?? [];
        CheckCommandPlaceholders(content, problems);
        return problems.Count == 0
            ? new TalkLibrary(new FaqMatcher(questions), new SmallTalkMatcher([.. kinds.Where(k => k.Id != Filler)], fillers))
            : throw new ContentValidationException(problems);
    }

    /// <summary>The subjects of <c>faq/subjects.yaml</c> (<see cref="SubjectIndex"/>): names in any language, no answer text of their own.</summary>
    internal static List<TalkTopic> Subjects(string root, List<string> problems) =>
        Topics(root, "subjects.yaml", answerPrefix: null, content: null, problems, allowFiller: false);

    private static List<TalkTopic> Topics(string root, string file, string? answerPrefix, UiContent? content, List<string> problems, bool allowFiller)
    {
        var relative = "faq/" + file;
        var path = Path.Combine(root, "faq", file);
        if (!File.Exists(path))
        {
            problems.Add($"{relative} is missing.");
            return [];
        }

        Dictionary<string, Dictionary<string, List<string>>>? map;
        try
        {
            map = Yaml.Deserialize<Dictionary<string, Dictionary<string, List<string>>>>(File.ReadAllText(path));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            problems.Add($"{relative}: invalid YAML at line {ex.Start.Line} ({ex.Message}).");
            return [];
        }

        var topics = new List<TalkTopic>();
        var answered = answerPrefix is not null && content is not null;
        foreach (var (id, byLanguage) in map ?? [])
        {
            var isFiller = allowFiller && id == Filler;
            if (answered && !isFiller && !content!.Texts[Languages.English].ContainsKey(answerPrefix + id))
            {
                problems.Add($"{relative}: '{id}' has no answer '{answerPrefix}{id}' in strings/.");
            }

            // FAQ and small talk need words in every language; a subject may be a name of no language ("itsme").
            var everyLanguage = !isFiller && (answered || !(byLanguage.TryGetValue(Any, out var names) && names.Count > 0));
            problems.AddRange(Languages.All.Where(l => everyLanguage && (!byLanguage.TryGetValue(l, out var words) || words.Count == 0))
                .Select(l => $"{relative}: '{id}' has no keywords in '{l}'."));
            // A subject may name its step ("step: [safety/after-scam]"); anything else is a language.
            string? step = null;
            if (!answered && !allowFiller && byLanguage.Remove(StepKey, out var steps))
            {
                step = steps is [var only] && only?.Split('/') is [{ Length: > 0 }, { Length: > 0 }] ? only : null;
                if (step is null)
                {
                    problems.Add($"{relative}: '{id}' has a step that is not one 'module/step'.");
                }
            }

            problems.AddRange(byLanguage.Keys.Where(l => l != Any && !Languages.IsSupported(l))
                .Select(l => $"{relative}: '{id}' names an unknown language '{l}'."));
            var phrases = new List<TalkPhrase>();
            foreach (var (language, words) in byLanguage)
            {
                foreach (var word in words)
                {
                    if (TalkPhrase.Parse(word ?? string.Empty) is { } phrase)
                    {
                        phrases.Add(phrase);
                    }
                    else
                    {
                        problems.Add($"{relative}: '{id}' ({language}) has a keyword with no word: '{word}'.");
                    }
                }
            }

            topics.Add(new TalkTopic(id, phrases, step));
        }

        return topics;
    }

    private static void CheckCommandPlaceholders(UiContent content, List<string> problems)
    {
        foreach (var (language, texts) in content.Texts)
        {
            foreach (var (key, text) in texts)
            {
                problems.AddRange(CommandPlaceholder().Matches(text).Select(m => m.Groups[1].Value).Distinct()
                    .Where(command => !content.Commands.ContainsKey(command))
                    .Select(command => $"strings ({language}): '{key}' names no command '{command}'."));
            }
        }
    }

    [GeneratedRegex(@"\$\{command\.([A-Za-z0-9_\-]+)\}")]
    internal static partial Regex CommandPlaceholder();
}
