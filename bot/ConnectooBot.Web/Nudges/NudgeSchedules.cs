using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConnectooBot.Learning.Scheduling;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Nudges;

/// <summary>Reads "monday 10:00", "lundi 10h30", "maandag 9:00", "Montag 14 Uhr" and says a schedule back in a language.</summary>
internal static partial class NudgeSchedules
{
    public static (DayOfWeek Day, TimeOnly Time)? Parse(string arguments)
    {
        var words = Normalize(arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        DayOfWeek? day = null;
        TimeOnly? time = null;
        foreach (var word in words)
        {
            day ??= DayOf(word);
            if (time is null && TimePattern().Match(word) is { Success: true } match)
            {
                var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
                var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
                time = hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
            }
        }

        return day is { } d && time is { } t ? (d, t) : null;
    }

    public static string DayName(DayOfWeek day, string language) => Culture(language).DateTimeFormat.GetDayName(day);

    public static string TimeText(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static DayOfWeek? DayOf(string word)
    {
        foreach (var language in Languages.All)
        {
            var names = Culture(language).DateTimeFormat.DayNames;
            for (var i = 0; i < names.Length; i++)
            {
                if (Normalize(names[i]) == word)
                {
                    return (DayOfWeek)i;
                }
            }
        }

        return null;
    }

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language switch
    {
        Languages.French => "fr-BE",
        Languages.Dutch => "nl-BE",
        Languages.German => "de-BE",
        _ => "en-GB",
    });

    private static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string([.. kept]).Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:h.](?<m>\d{2}))?(?:h|uhr)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
