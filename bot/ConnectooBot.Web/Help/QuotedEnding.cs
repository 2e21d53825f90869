using System.Text.RegularExpressions;

namespace ConnectooBot.Web.Help;

/// <summary>
/// A sentence that ends on a quotation ending in "?", "!" or "…" takes no full stop of its own after the closing mark
/// (…in step 2: “Who is most at risk?”, not “Who is most at risk?”.), in all four languages.
/// </summary>
public static partial class QuotedEnding
{
    public static string Tidy(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return StopAfterQuotedQuestion().Replace(sentence, string.Empty);
    }

    [GeneratedRegex(@"(?<=[?!…][ \u00A0\u202F]?[”“»‘’])\.$")]
    private static partial Regex StopAfterQuotedQuestion();
}
