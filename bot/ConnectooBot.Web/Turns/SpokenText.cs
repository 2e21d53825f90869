using System.Text.RegularExpressions;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// Tidies a card's <c>speak</c> and <c>fallbackText</c>, which templates build by joining texts with ". ": a text that
/// already ends in "?", "!" or ":" keeps its own mark ("Wer ist am stärksten gefährdet?. Schritt 2" would be read
/// with a stray stop), a doubled full stop becomes one (an ellipsis stays), markdown bold loses its stars, and runs of
/// spaces become one.
/// </summary>
internal static partial class SpokenText
{
    public static string Tidy(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tidied = Bold().Replace(text, "$1");
        tidied = StopAfterOtherMark().Replace(tidied, "$1");
        tidied = DoubledStop().Replace(tidied, ".");
        return Spaces().Replace(tidied, " ").Trim();
    }

    // Only a stop that ends a sentence: followed by a space or the end (": .be" keeps its dot); spaces, never line breaks.
    [GeneratedRegex(@"([?!:;…])[ \t\u00A0\u202F]*\.(?=[ \t\u00A0\u202F\r\n]|$)")]
    private static partial Regex StopAfterOtherMark();

    [GeneratedRegex(@"(?<!\.)\.[ \t\u00A0\u202F]*\.(?=[ \t\u00A0\u202F\r\n]|$)")]
    private static partial Regex DoubledStop();

    // Markdown bold ("**help**"): a voice would read the stars, a client without cards would show them.
    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
