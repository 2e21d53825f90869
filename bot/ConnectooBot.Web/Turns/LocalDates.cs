using System.Globalization;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Turns;

/// <summary>Dates as people read them: "23 novembre 2026", in Belgian time and the reader's language.</summary>
public static class LocalDates
{
    private static readonly TimeZoneInfo Brussels = FindBrussels();

    public static string Format(DateTimeOffset value, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language switch
        {
            Languages.French => "fr-BE",
            Languages.Dutch => "nl-BE",
            Languages.German => "de-BE",
            _ => "en-GB",
        });
        // German writes the day as an ordinal: "23. November 2026".
        return TimeZoneInfo.ConvertTime(value, Brussels).ToString(language == Languages.German ? "d. MMMM yyyy" : "d MMMM yyyy", culture);
    }

    private static TimeZoneInfo FindBrussels()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
