using ConnectooBot.Learning.Catalog;
using System.Text.Json.Nodes;

namespace ConnectooBot.Storage.Content;

/// <summary>
/// The interface texts, command words and card templates from <c>dialogs-content/</c>, loaded and validated once.
/// </summary>
public sealed class UiContent(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> texts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> commands,
    IReadOnlyDictionary<string, JsonObject> templates)
{
    /// <summary>Language → key → text.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Texts { get; } = texts;

    /// <summary>Command → language → words (the first is the one shown).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Commands { get; } = commands;

    /// <summary>Template name (file name without .json) → parsed card. Never modified: render a copy.</summary>
    public IReadOnlyDictionary<string, JsonObject> Templates { get; } = templates;

    public string Text(string language, string key) =>
        Texts.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text
        : Texts[Languages.English].TryGetValue(key, out var english) ? english
        : throw new KeyNotFoundException($"No text '{key}'.");

    /// <summary>
    /// A text with its <c>${name}</c> placeholders filled from <paramref name="values"/> and its counted words in the
    /// plural form the values ask for (<c>{name, plural, one {…} other {…}}</c>, see <see cref="PluralText"/>).
    /// </summary>
    public string Format(string language, string key, params (string Name, object Value)[] values)
    {
        string? Value(string name) => values.Where(v => v.Name == name).Select(v => Invariant(v.Value)).FirstOrDefault();
        var text = PluralText.Resolve(Text(language, key), language, Value);
        foreach (var (name, value) in values)
        {
            text = text.Replace("${" + name + "}", Invariant(value), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The CLDR plural category ("one" or "other") of <paramref name="count"/> in <paramref name="language"/>.</summary>
    public static string PluralCategory(string language, decimal count) => PluralText.Category(language, count);

    private static string Invariant(object value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The word shown for a command in a language.</summary>
    public string CommandWord(string language, string command) => Commands[command][language][0];
}
