using System.Text.RegularExpressions;

namespace ConnectooBot.Web.Help;

/// <summary>
/// The sentences of a lesson step's text that can stand alone as an answer: those of its paragraphs, not of its lists
/// ("- the itsme app;") nor of its "At the counter" advice (in italics), each between 6 and 40 words, markdown links
/// reduced to their text. Left out as well: a sentence that opens a list (ends with ":"), one that quotes somebody (the
/// lesson's people say what they believe, "Doccle, so it's the State!", which is not what the lesson teaches), and
/// one about the lesson's person ("Mrs Benali installs MyGov.be and asks you what it is for"). Bold stays: the card shows it.
/// </summary>
public static partial class LessonSentences
{
    private const int MinWords = 6;
    private const int MaxWords = 40;

    public static IEnumerable<string> Of(string? body)
    {
        foreach (var line in (body ?? string.Empty).Split('\n'))
        {
            var paragraph = line.Trim();
            if (paragraph.Length == 0 || ListItem().IsMatch(paragraph) || paragraph[0] is '_' or '#' or '>' or '|')
            {
                continue;
            }

            foreach (var sentence in SentenceEnd().Split(Link().Replace(paragraph, "$1")))
            {
                var text = sentence.Trim();
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words is >= MinWords and <= MaxWords && !text.EndsWith(':') && !Quotes().IsMatch(text) && !Persona().IsMatch(text))
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>
    /// After ".", "!" or "?" (a closing quote may follow: » ” and the German “ ‘, or a bracket) but not after a title or an abbreviation ("M. Peeters",
    /// "z.B."), before the next sentence's capital, quote or bold.
    /// </summary>
    [GeneratedRegex(@"(?<=[.!?](?:[\u00A0\u202F ]?[""“”‘’»)])?\**)(?<!\b(?:M|Mr|Mrs|Ms|Dr|St|Nr|nr|bzw|ca|vgl|z\.B|p\.ex|e\.g|i\.e|d\.h|o\.a|bv|bijv|zgn)\.)\s+(?=[\p{Lu}""“„«(*])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[«»“”„""]")]
    private static partial Regex Quotes();

    /// <summary>Opens with the lesson's person: "Mrs Claes…", "M. Peeters…", "Mevrouw Nguyen…", "Frau Benali…".</summary>
    [GeneratedRegex(@"^(?:Mrs?|Ms|Mme|M\.|Mevrouw|Meneer|Frau|Herr)\s")]
    private static partial Regex Persona();

    [GeneratedRegex(@"^(\d+[.)]|[-*+])\s")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex Link();
}
