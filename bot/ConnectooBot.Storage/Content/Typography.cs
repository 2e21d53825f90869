using System.Text.RegularExpressions;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Storage.Content;

/// <summary>
/// What an author types on a keyboard, set as each language prints it; the loader applies it to every interface and
/// course text. Straight double quotes around a phrase become the language's own: « » in French, „ “ in German, “ ” in
/// Dutch and English. The space German and Dutch write in "80 %" does not break. In French, the space before
/// <c>: ; ? ! % »</c>, after <c>«</c>, inside a number ("078 170 170") and before a euro sign or an hour ("12,88 €",
/// "9 h") becomes a no-break space, so a narrow card (Teams mobile, about 320 px) never starts a line with a lone mark or
/// splits a phone number. A screen reader reads a no-break space as a space.
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
            Languages.German => BeforePercent().Replace(StraightQuotes().Replace(text, "„$1“"), NoBreakSpace),
            Languages.Dutch => BeforePercent().Replace(StraightQuotes().Replace(text, "“$1”"), NoBreakSpace),
            _ => StraightQuotes().Replace(text, "“$1”"),
        };
    }

    private static string French(string text) =>
        WithinANumber().Replace(AfterOpeningQuote().Replace(BeforeMark().Replace(text, NoBreakSpace), "«" + NoBreakSpace), NoBreakSpace);

    /// <summary>A phrase in straight double quotes, on one line.</summary>
    [GeneratedRegex("\"([^\"\\n]+)\"")]
    private static partial Regex StraightQuotes();

    /// <summary>The space of "80 %" (German and Dutch write one, as French does; English writes 80%).</summary>
    [GeneratedRegex(@"(?<=[\d}]) (?=%)")]
    private static partial Regex BeforePercent();

    [GeneratedRegex(@"[ \t\u202F]+(?=[:;?!%»])")]
    private static partial Regex BeforeMark();

    [GeneratedRegex(@"«[ \t\u202F]+")]
    private static partial Regex AfterOpeningQuote();

    /// <summary>Between groups of digits ("078 170 170", "1 000"), and between a number and its euro sign or hour ("12,88 €", "9 h").</summary>
    [GeneratedRegex(@"(?<=\d) (?=\d|€|h\b)")]
    private static partial Regex WithinANumber();
}
