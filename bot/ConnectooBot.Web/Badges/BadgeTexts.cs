using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Badges;

/// <summary>The badge's human-readable words, from <c>dialogs-content/strings/badge.&lt;lang&gt;.yaml</c>.</summary>
public sealed class BadgeTexts(UiContent content)
{
    public string this[string language, string key] => content.Text(language, key);

    /// <summary>A text with <c>${name}</c> placeholders replaced by the given values (not encoded: the caller encodes).</summary>
    public string Format(string language, string key, params (string Name, string Value)[] values)
    {
        var text = content.Text(language, key);
        foreach (var (name, value) in values)
        {
            text = text.Replace("${" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
