namespace ConnectooBot.Web.Help;

/// <summary>
/// A text quoted inside a sentence that already puts it in quotation marks ("teaches this in step 2: “A refund e-mail
/// from a “correct” address”"): its own quotation marks become the language's inner ones, so the reader can tell where
/// the quotation ends: fr « » → “ ”, nl and en “ ” → ‘ ’, de „ “ → ‚ ‘.
/// </summary>
public static class InnerQuotes
{
    public static string Of(string language, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return language switch
        {
            "fr" => text.Replace("« ", "“", StringComparison.Ordinal).Replace("«\u00A0", "“", StringComparison.Ordinal).Replace("«\u202F", "“", StringComparison.Ordinal)
                .Replace(" »", "”", StringComparison.Ordinal).Replace("\u00A0»", "”", StringComparison.Ordinal).Replace("\u202F»", "”", StringComparison.Ordinal)
                .Replace('«', '“').Replace('»', '”'),
            "de" => text.Replace('„', '‚').Replace('“', '‘'),
            _ => text.Replace('“', '‘').Replace('”', '’'),
        };
    }
}
