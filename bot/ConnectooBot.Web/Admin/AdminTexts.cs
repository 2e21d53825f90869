using System.Globalization;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// The dashboard's words (<c>dialogs-content/strings/admin.&lt;lang&gt;.yaml</c>) and its numbers, dates and durations
/// written the way readers of each language write them (fr-BE, nl-BE, de-BE, en-GB). Plain text: the page encodes.
/// </summary>
public sealed class AdminTexts(UiContent content)
{
    public string this[string language, string key] => content.Text(language, key);

    /// <summary>A text with <c>${name}</c> placeholders replaced by already formatted values (<see cref="UiContent.Format"/>).</summary>
    public string Format(string language, string key, params (string Name, string Value)[] values) =>
        content.Format(language, key, [.. values.Select(v => (v.Name, (object)v.Value))]);

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language switch
    {
        Languages.French => "fr-BE",
        Languages.Dutch => "nl-BE",
        Languages.German => "de-BE",
        _ => "en-GB",
    });

    public static string Number(int value, string language) => value.ToString("N0", Culture(language));

    /// <summary>A decimal with a fixed number of places; a value that rounds to zero is "0.00", never "-0.00".</summary>
    public static string Fixed(double value, int decimals, string language)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture(language));
    }

    /// <summary>
    /// A share (0.873) as a percentage with no decimal, spaced as the language writes it ("87 %" in French and German,
    /// "87%" in Dutch and English); the space is a no-break space, so the sign never starts a line.
    /// </summary>
    public static string Percent(double share, string language) => share.ToString("P0", Culture(language)).Replace(' ', '\u00a0');

    /// <summary>A label that starts a table cell, with its first letter in capitals ("français" → "Français").</summary>
    public static string Capitalized(string text, string language) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpper(text[0], Culture(language)) + text[1..];

    /// <summary>A duration in days with one decimal, or in hours under a day.</summary>
    public string Duration(TimeSpan value, string language) => value.TotalDays >= 1
        ? Format(language, "admin.duration.days", ("value", Fixed(value.TotalDays, 1, language)))
        : Format(language, "admin.duration.hours", ("value", Fixed(value.TotalHours, 1, language)));
}
