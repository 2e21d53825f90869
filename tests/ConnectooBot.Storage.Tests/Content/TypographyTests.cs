using System.Text.RegularExpressions;
using ConnectooBot.Storage.Content;
using ConnectooBot.Testing;

namespace ConnectooBot.Storage.Tests.Content;

/// <summary>
/// Texts as each language prints them, from what an author types: straight quotes become the language's own, and French
/// marks keep to their word on a narrow card (a no-break space, U+00A0, before : ; ? ! % », after « and between digit
/// groups). Everything else is left as it was.
/// </summary>
public sealed partial class TypographyTests
{
    [Theory]
    [InlineData("fr", "Prêt ? C'est parti !", "Prêt\u00A0? C'est parti\u00A0!")]
    [InlineData("fr", "**Normal :** un code ; puis", "**Normal\u00A0:** un code\u00A0; puis")]
    [InlineData("fr", "« itsme » ou eID", "«\u00A0itsme\u00A0» ou eID")]
    [InlineData("fr", "Progression : ${percent} %", "Progression\u00A0: ${percent}\u00A0%")]
    [InlineData("fr", "Card Stop au 078 170 170 (+32 78 170 170)", "Card Stop au 078\u00A0170\u00A0170 (+32\u00A078\u00A0170\u00A0170)")]
    [InlineData("fr", "Déjà « noté »\u202F!", "Déjà «\u00A0noté\u00A0»\u00A0!")]
    [InlineData("fr", "impôt impayé de 12,88 €, entre 9 h et 17 h, 8 ans", "impôt impayé de 12,88\u00A0€, entre 9\u00A0h et 17\u00A0h, 8 ans")]
    [InlineData("fr", "un formulaire \"sur le site\".", "un formulaire «\u00A0sur le site\u00A0».")]
    [InlineData("nl", "waar hij een formulier \"op de site\" vindt", "waar hij een formulier “op de site” vindt")]
    [InlineData("en", "Sorry, I didn't understand \"${input}\".", "Sorry, I didn't understand “${input}”.")]
    [InlineData("de", "Tippen Sie \"${command.continue}\".", "Tippen Sie „${command.continue}“.")]
    [InlineData("de", "Ja: 100 % ?", "Ja: 100\u00A0% ?")]
    [InlineData("nl", "Opleiding: ${percent} % afgerond", "Opleiding: ${percent}\u00A0% afgerond")]
    public void WhatTheAuthorTyped_IsSetAsTheLanguagePrintsIt(string language, string typed, string shown) =>
        Assert.Equal(shown, Typography.Apply(language, typed));

    [Theory]
    [InlineData("https://www.safeonweb.be/fr?x=1")]
    [InlineData("Étape 2 sur 8.\nLigne : suite")]
    [InlineData("{passed, plural, one {# module réussi} other {# modules réussis}} sur ${total}.")]
    [InlineData("Un guillemet \" seul\nsur deux lignes \"")]
    public void TextWithoutSuchASpaceOrAPairOfQuotes_IsLeftAsItWas_ExceptTheMarksOwnSpace(string typed)
    {
        var shown = Typography.Apply("fr", typed);
        Assert.Equal(typed.Replace(" :", "\u00A0:", StringComparison.Ordinal), shown);
    }

    [Fact]
    public void EveryTextTheBotShips_HasNoStraightQuotes_NoBreakBeforePercent_AndFrenchMarksKeepToTheirWords()
    {
        var shipped = Path.Combine(TestMachine.RepositoryRoot, "dialogs-content");
        var ui = ContentLoader.LoadInterface(shipped);
        var course = ContentLoader.LoadCourse(shipped);
        var texts = new List<(string Language, string Where, string Text)>();
        foreach (var (language, map) in ui.Texts)
        {
            texts.AddRange(map.Select(t => (language, "strings: " + t.Key, t.Value)));
        }

        foreach (var module in course.Modules.Concat(course.FinalCase is { } final ? [final] : []))
        {
            foreach (var (language, text) in module.Texts)
            {
                texts.Add((language, module.Id + ": title", text.Title));
                texts.AddRange(text.Steps.Select(s => (language, $"{module.Id}/{s.Key}", s.Value.Title + "\n" + s.Value.Body)));
                texts.AddRange(text.Questions.SelectMany(q => q.Value.Choices.Select(c => (language, $"{module.Id}/{q.Key}/{c.Key}", q.Value.Prompt + "\n" + c.Value.Text + "\n" + c.Value.Why))));
            }
        }

        Assert.True(texts.Count(t => t.Language == "fr") > 500, $"only {texts.Count(t => t.Language == "fr")} French texts found");
        var straight = texts.Where(t => t.Text.Contains('"', StringComparison.Ordinal)).Select(t => $"{t.Language} {t.Where}").ToList();
        var breaking = texts.Where(t => t.Language == "fr" && FrenchBreak().IsMatch(t.Text)).Select(t => t.Where).ToList();
        var percent = texts.Where(t => t.Language == "en" ? SpacedPercent().IsMatch(t.Text) : t.Language is "nl" or "de" && BreakingPercent().IsMatch(t.Text)).Select(t => $"{t.Language} {t.Where}").ToList();
        Assert.True(straight.Count == 0, "Straight quotes in: " + string.Join(", ", straight.Take(10)));
        Assert.True(percent.Count == 0, "80 % in English, or a breaking space before % in Dutch or German, in: " + string.Join(", ", percent.Take(10)));
        Assert.True(breaking.Count == 0, "A breaking space before a French mark in: " + string.Join(", ", breaking.Take(10)));
    }

    [GeneratedRegex(@" [:;?!%»]|« |\d \d|\d €")]
    private static partial Regex FrenchBreak();

    [GeneratedRegex(@"[\d}][ \u00A0]%")]
    private static partial Regex SpacedPercent();

    [GeneratedRegex(@"[\d}] %")]
    private static partial Regex BreakingPercent();
}
