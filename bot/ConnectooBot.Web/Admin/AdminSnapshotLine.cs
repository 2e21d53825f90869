using System.Text;
using ConnectooBot.Learning.Insights;
using static ConnectooBot.Web.Admin.AdminHtml;

namespace ConnectooBot.Web.Admin;

/// <summary>When the snapshot was computed (Brussels time, the reader's formats) and the privacy rule, under each page's title.</summary>
internal static class AdminSnapshotLine
{
    private static readonly TimeZoneInfo Brussels = FindBrussels();

    public static void Append(StringBuilder html, AdminTexts texts, ProgrammeInsights insights, string language)
    {
        var culture = AdminTexts.Culture(language);
        var local = TimeZoneInfo.ConvertTime(insights.ComputedAt, Brussels);
        var date = local.ToString(language == ConnectooBot.Learning.Catalog.Languages.German ? "d. MMMM yyyy" : "d MMMM yyyy", culture);
        html.Append("<p class=\"computed\">")
            .Append(E(texts.Format(language, "admin.computed", ("date", date), ("time", local.ToString("HH:mm", culture)), ("version", insights.ContentVersion))))
            .Append("</p>\n<p class=\"privacy\">").Append(E(texts[language, "admin.privacy"])).Append("</p>\n");
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
