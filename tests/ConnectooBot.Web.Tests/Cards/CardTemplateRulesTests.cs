using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Tests.Cards;

/// <summary>
/// Every card template in dialogs-content/cards works where a card cannot be drawn (a fallbackText) and for screen
/// readers (a speak, wrapped TextBlocks, images with altText); counted texts read right for 0, 1 and many.
/// </summary>
public sealed partial class CardTemplateRulesTests
{
    private static readonly UiContent Content = ContentLoader.LoadInterface(ContentPaths.Shipped);

    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(ContentPaths.Shipped, "cards"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Path.Combine(ContentPaths.Shipped, "cards"), file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryCard_HasFallbackTextAndSpeak_WrappedText_AndImagesWithAltText(string file)
    {
        var card = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(ContentPaths.Shipped, "cards", file)))!;
        var problems = new List<string>();
        if (!file.StartsWith("parts/", StringComparison.Ordinal))
        {
            problems.AddRange(new[] { "fallbackText", "speak" }
                .Where(p => string.IsNullOrWhiteSpace(card[p]?.GetValue<string>()))
                .Select(p => $"no {p}"));
        }

        foreach (var element in Descendants(card))
        {
            var type = element["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? element["type"]!.GetValue<string>() : null;
            if (type == "TextBlock" && element["wrap"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
            {
                problems.Add($"TextBlock without wrap:true ({element["text"]})");
            }

            if (type == "Image" && string.IsNullOrWhiteSpace(element["altText"]?.ToString()))
            {
                problems.Add($"Image without altText ({element["url"]})");
            }
        }

        Assert.True(problems.Count == 0, $"cards/{file}: " + string.Join("; ", problems));
    }

    [Fact]
    public void NoText_SaysPluralWithBrackets()
    {
        var bracketed = Content.Texts
            .SelectMany(l => l.Value.Where(t => BracketPlural().IsMatch(t.Value)).Select(t => $"{l.Key}: {t.Key} = {t.Value}"))
            .ToList();

        Assert.Empty(bracketed);
    }

    [Theory]
    [InlineData("fr", 0, "0 module réussi sur 6.")]
    [InlineData("fr", 1, "1 module réussi sur 6.")]
    [InlineData("fr", 2, "2 modules réussis sur 6.")]
    [InlineData("en", 1, "1 of 6 modules passed.")]
    [InlineData("nl", 0, "0 van de 6 modules behaald.")]
    [InlineData("de", 1, "1 von 6 Modulen bestanden.")]
    public void MapSummary_ReadsRightForZeroOneAndMany(string language, int passed, string expected) =>
        Assert.Equal(expected, Content.Format(language, "map.summary", ("passed", passed), ("total", 6)));

    [Theory]
    [InlineData("fr", 1, "1 membre sur 7 a commencé la formation.")]
    [InlineData("fr", 6, "6 membres sur 7 ont commencé la formation.")]
    [InlineData("en", 1, "1 of 7 members has started the course.")]
    [InlineData("de", 1, "1 von 7 Mitgliedern hat mit der Schulung begonnen.")]
    [InlineData("nl", 2, "2 van de 7 leden zijn met de opleiding begonnen.")]
    public void TeamProgress_AgreesWithTheNumberStarted(string language, int started, string expected) =>
        Assert.Equal(expected, Content.Format(language, "progress.started", ("started", started), ("members", 7)));

    [Theory]
    [InlineData(0, "0 module réussi")]
    [InlineData(3, "3 modules réussis")]
    public void CardText_TakesItsPluralFromTheCardValues(int passed, string expected)
    {
        var content = new UiContent(
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["fr"] = new Dictionary<string, string> { ["x"] = "{passed, plural, one {# module réussi} other {# modules réussis}}" } },
            new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(),
            new Dictionary<string, JsonObject> { ["c"] = (JsonObject)JsonNode.Parse("""{ "type": "AdaptiveCard", "version": "1.5", "speak": "${t.x}", "body": [] }""")! });

        var card = new CardRenderer(content).Render("c", "fr", new Dictionary<string, JsonNode?> { ["passed"] = passed });

        Assert.Equal(expected, card["speak"]!.GetValue<string>());
    }

    [Fact]
    public void LessonEnd_CountsTheQuestionsInEveryLanguage() =>
        Assert.All(Languages.All, l => Assert.DoesNotContain("plural", Content.Format(l, "lesson.end.text", ("questions", 8), ("pass", 80)), StringComparison.Ordinal));

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.SelectMany(p => Descendants(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Descendants))
                {
                    yield return child;
                }

                break;
        }
    }

    [GeneratedRegex(@"\w\((s|n|en|e|es|x|nen)\)")]
    private static partial Regex BracketPlural();
}
