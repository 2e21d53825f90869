using ConnectooBot.Learning.Catalog;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Language;

/// <summary>
/// Recognises a language named in typed text, in any of the four languages: "français", "Engels", "Deutsch", "fr".
/// The names come from the content (<c>language.name</c> and <c>language.names.*</c> of every language), compared
/// the way commands are (case, accents and punctuation ignored).
/// </summary>
internal sealed class LanguageNames
{
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);

    public LanguageNames(UiContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<string>();
        foreach (var target in Languages.All)
        {
            Add(target, target, problems);
            Add(content.Text(target, "language.name"), target, problems);
            foreach (var language in Languages.All)
            {
                Add(content.Text(language, $"language.names.{target}"), target, problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new ContentValidationException(problems);
        }
    }

    /// <summary>The language a text names ("néerlandais", "in English please"), or null.</summary>
    public string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = IncomingText.Key(text);
        if (_byKey.TryGetValue(key, out var language))
        {
            return language;
        }

        foreach (var word in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (_byKey.TryGetValue(IncomingText.Key(word), out var named))
            {
                return named;
            }
        }

        return null;
    }

    private void Add(string name, string language, List<string> problems)
    {
        var key = IncomingText.Key(name);
        if (_byKey.TryGetValue(key, out var existing) && existing != language)
        {
            problems.Add($"strings: the language name '{name}' names both '{existing}' and '{language}'.");
            return;
        }

        _byKey[key] = language;
    }
}
