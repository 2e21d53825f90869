using System.Text.RegularExpressions;

namespace ConnectooBot.Web.Help;

/// <summary>
/// A text quoted inside a sentence that already puts it in quotation marks ("teaches this in step 2: “A refund e-mail
/// from a “correct” address”"): its own quotation marks become the language's inner ones, so the reader can tell where
/// the quotation ends: fr « » → “ ”, nl and en “ ” → ‘ ’, de „ “ → ‚ ‘.
/// </summary>
public static partial class InnerQuotes
{
    public static string Of(string language, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return language switch
        {
            "fr" => Closing().Replace(Opening().Replace(text, "“"), "”"), // English-style inner quotes take no inner spaces
            "de" => text.Replace('„', '‚').Replace('“', '‘'),
            _ => text.Replace('“', '‘').Replace('”', '’'),
        };
    }

    [GeneratedRegex("«[ \u00A0\u202F]?")]
    private static partial Regex Opening();

    [GeneratedRegex("[ \u00A0\u202F]?»")]
    private static partial Regex Closing();
}
