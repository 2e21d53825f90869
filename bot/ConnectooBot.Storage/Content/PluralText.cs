using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConnectooBot.Storage.Content;

/// <summary>
/// Counted texts: <c>{passed, plural, one {# module réussi} other {# modules réussis}}</c> inside a string picks the
/// form for the value named <c>passed</c> by the CLDR plural rule of the language (fr: "one" for 0 and 1; nl, de, en:
/// "one" for 1 only); <c>#</c> stands for the number. Every block must give exactly the forms <c>one</c> and
/// <c>other</c>, so no language can miss one. <c>${name}</c> placeholders may be used inside a form.
/// </summary>
public static partial class PluralText
{
    public const string One = "one";
    public const string Other = "other";

    /// <summary>The CLDR cardinal category ("one" or "other") of a count in one of the bot's languages.</summary>
    public static string Category(string language, decimal count) =>
        string.Equals(language, "fr", StringComparison.Ordinal)
            ? (Math.Abs(count) < 2 ? One : Other)
            : (count == 1 ? One : Other);

    /// <summary>True when the text holds at least one plural block.</summary>
    public static bool HasPlural(string text) => Block().IsMatch(text);

    /// <summary>Replaces every plural block by the form its count asks for; <paramref name="value"/> gives a value by name.</summary>
    public static string Resolve(string text, string language, Func<string, string?> value)
    {
        if (!HasPlural(text))
        {
            return text;
        }

        var result = new StringBuilder();
        var position = 0;
        foreach (var block in Parse(text, out _))
        {
            result.Append(text, position, block.Start - position);
            var number = value(block.Name);
            var category = decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var count)
                ? Category(language, count) : Other;
            var form = block.Forms.GetValueOrDefault(category) ?? block.Forms.GetValueOrDefault(Other) ?? string.Empty;
            result.Append(Resolve(form, language, value).Replace("#", number ?? string.Empty, StringComparison.Ordinal));
            position = block.End;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>What is wrong with the plural blocks of a text (unclosed, a form missing, an unknown category).</summary>
    public static IReadOnlyList<string> Problems(string text)
    {
        var problems = new List<string>();
        foreach (var block in Parse(text, problems))
        {
            foreach (var missing in new[] { One, Other }.Where(c => !block.Forms.ContainsKey(c)))
            {
                problems.Add($"the plural of '{block.Name}' has no '{missing}' form");
            }

            foreach (var unknown in block.Forms.Keys.Where(c => c is not One and not Other))
            {
                problems.Add($"the plural of '{block.Name}' has a form '{unknown}' (only 'one' and 'other' are used)");
            }
        }

        return problems;
    }

    private static List<PluralBlock> Parse(string text, out List<string> problems)
    {
        problems = [];
        return Parse(text, problems);
    }

    private static List<PluralBlock> Parse(string text, List<string> problems)
    {
        var blocks = new List<PluralBlock>();
        var from = 0;
        while (Block().Match(text, from) is { Success: true } match)
        {
            var forms = new Dictionary<string, string>(StringComparer.Ordinal);
            var i = match.Index + match.Length;
            var closed = false;
            while (i < text.Length)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i < text.Length && text[i] == '}')
                {
                    closed = true;
                    i++;
                    break;
                }

                var selector = Selector().Match(text, i);
                var open = selector.Success && selector.Index == i ? i + selector.Length : -1;
                var close = open >= 0 ? MatchingBrace(text, open) : -1;
                if (close < 0)
                {
                    break;
                }

                forms[selector.Groups[1].Value] = text[(open + 1)..close];
                i = close + 1;
            }

            if (!closed)
            {
                problems.Add($"the plural of '{match.Groups[1].Value}' is not closed or not written as {{name, plural, one {{…}} other {{…}}}}");
                return blocks;
            }

            blocks.Add(new PluralBlock(match.Groups[1].Value, match.Index, i, forms));
            from = i;
        }

        return blocks;
    }

    /// <summary>Index of the '}' closing the '{' at <paramref name="open"/>, or -1.</summary>
    private static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record PluralBlock(string Name, int Start, int End, IReadOnlyDictionary<string, string> Forms);

    [GeneratedRegex(@"(?<!\$)\{\s*([A-Za-z0-9_]+)\s*,\s*plural\s*,")]
    private static partial Regex Block();

    [GeneratedRegex(@"([A-Za-z0-9=]+)\s*(?=\{)")]
    private static partial Regex Selector();
}
