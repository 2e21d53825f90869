using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Turns;

/// <summary>
/// The text a user typed, with the bot's own @mention removed (teams-protocol.md §1.1: strip the mention entity
/// whose <c>mentioned.id</c> is the bot, not a guess from the text), HTML entities decoded and spaces collapsed.
/// </summary>
public static partial class IncomingText
{
    public static string Clean(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                && botId is not null
                && string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(entity.Text))
            {
                text = text.Replace(entity.Text, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        text = WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>A comparison key: lower case, no diacritics, no surrounding punctuation, single spaces.</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        var key = Whitespace().Replace(builder.ToString(), " ").Trim();
        return key.Trim('.', '!', '?', ',', ';', ':', '/', '"', '\'', ' ');
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
