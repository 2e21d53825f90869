using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConnectooBot.Learning.Talk;

/// <summary>
/// Turns what a person typed into comparable words: lower case, no accents ("é" → "e", "ß" → "ss"), punctuation and
/// apostrophes as spaces, each emoji a word of its own (skin tones and variation selectors dropped), a Teams emoji
/// tag (<c>&lt;emoji alt="👍"&gt;</c>) read as its emoji, other markup dropped, ":)" read as 🙂.
/// </summary>
public static partial class TalkText
{
    private const int MaxLength = 500;

    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var source = text.Length > MaxLength ? text[..MaxLength] : text;
        source = EmojiTag().Replace(source, m => " " + m.Groups["alt"].Value + " ");
        source = Markup().Replace(source, " ");
        source = Smiley().Replace(source, " 🙂 ");
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in source.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.ModifierSymbol or UnicodeCategory.Format or UnicodeCategory.EnclosingMark)
            {
                continue; // accents, skin tones, variation selectors, zero-width joiners
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                var lower = Rune.ToLowerInvariant(rune).ToString();
                word.Append(lower == "ß" ? "ss" : lower);
                continue;
            }

            Flush(word, words);
            if (category == UnicodeCategory.OtherSymbol)
            {
                words.Add(rune.ToString());
            }
        }

        Flush(word, words);
        return words;
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }

    [GeneratedRegex("<(?:img|emoji)\\b[^>]*?\\balt=\"(?<alt>[^\"]*)\"[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmojiTag();

    [GeneratedRegex("</?[a-zA-Z][^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Markup();

    [GeneratedRegex("(?<![\\w])[:;]-?[)D](?![\\w])", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Smiley();
}
