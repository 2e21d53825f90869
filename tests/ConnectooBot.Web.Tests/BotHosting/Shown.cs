using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Tests.BotHosting;

/// <summary>
/// A text as the learner sees it, from the text as a test writes it: the language's quotation marks for straight ones,
/// and in French the no-break spaces before : ; ? ! % » and after « (<see cref="Typography"/>, which the loader applies
/// to every text).
/// </summary>
internal static class Shown
{
    public static string In(string localeOrLanguage, string text) => Typography.Apply(Languages.FromLocale(localeOrLanguage), text);
}
