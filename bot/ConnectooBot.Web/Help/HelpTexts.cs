using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Help;

/// <summary>Texts for plain messages: <c>${command.x}</c> becomes the command's word in the language.</summary>
internal sealed class HelpTexts(UiContent content)
{
    public string Text(string language, string key) =>
        TalkLibraryLoader.CommandPlaceholder().Replace(content.Text(language, key), m => content.CommandWord(language, m.Groups[1].Value));

    /// <summary>Shortens the user's text and keeps it from being read as Markdown, markup or a mention.</summary>
    public static string Echo(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = maxLength > 0 && text.Length > maxLength && char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        var shortened = text.Length > maxLength ? text[..cut] + "…" : text;
        var plain = new string([.. shortened.Where(c => !char.IsControl(c))]);
        return plain.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("<", "‹", StringComparison.Ordinal).Replace(">", "›", StringComparison.Ordinal);
    }
}
