using System.Text.RegularExpressions;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Storage.Content;

/// <summary>
/// What an author types on a keyboard, set as each language prints it; the loader applies it to every interface and
/// course text. Straight double quotes around a phrase become the language's own: « » in French, „ “ in German, “ ” in
/// Dutch and English. In French, the space before <c>: ; ? ! % »</c>, after <c>«</c> and between groups of digits
/// ("078 170 170") becomes a no-break space, so a narrow card (Teams mobile, about 320 px) never starts a line with a lone
/// mark or splits a phone number. A screen reader reads a no-break space as a space.
/// </summary>
public static partial class Typography
{
    private const string NoBreakSpace = "\u00A0";

    public static string Apply(string language, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return language switch
        {
            Languages.French => French(StraightQuotes().Replace(text, "« $1 »")),
            Languages.German => StraightQuotes().Replace(text, "„$1“"),
            _ => StraightQuotes().Replace(text, "“$1”"),
        };
    }

    private static string French(string text) =>
        DigitGroups().Replace(AfterOpeningQuote().Replace(BeforeMark().Replace(text, NoBreakSpace), "«" + NoBreakSpace), NoBreakSpace);

    /// <summary>A phrase in straight double quotes, on one line.</summary>
    [GeneratedRegex("\"([^\"\\n]+)\"")]
    private static partial Regex StraightQuotes();

    [GeneratedRegex(@"[ \t\u202F]+(?=[:;?!%»])")]
    private static partial Regex BeforeMark();

    [GeneratedRegex(@"«[ \t\u202F]+")]
    private static partial Regex AfterOpeningQuote();

    [GeneratedRegex(@"(?<=\d) (?=\d)")]
    private static partial Regex DigitGroups();
}
