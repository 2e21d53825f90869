using System.Text;
using System.Text.Json.Nodes;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Web.Tests.Cards;

namespace ConnectooBot.Web.Tests.Turns;

public sealed class CardRendererTests
{
    private static readonly UiContent Content = ContentLoader.LoadInterface(ContentPaths.Shipped);
    private readonly CardRenderer _renderer = new(Content);

    public static TheoryData<string, string> EveryTemplateInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        // The badge and team progress cards are filled by BadgeCards and ProgressCards: checked in Render_FilledCards_… below.
        foreach (var template in Content.Templates.Keys.Where(t => !t.StartsWith("parts/", StringComparison.Ordinal) && !t.StartsWith("badge", StringComparison.Ordinal) && !t.StartsWith("team-p", StringComparison.Ordinal) && !t.StartsWith("nudge", StringComparison.Ordinal) && t != "review"))
        {
            foreach (var language in Languages.All)
            {
                data.Add(template, language);
            }
        }

        return data;
    }

    private static Dictionary<string, JsonNode?> SampleValues() => new()
    {
        ["notice"] = "A notice",
        ["text"] = "Some text",
        ["offerHelp"] = true,
    };

    [Fact]
    public void Render_BuildsANewCardWhileReadingTheTemplate_SharingNoNodeWithItOrWithTheCallersValues()
    {
        // Each node of a card is made once, as the template is read (it used to be deep-copied again at every level of
        // its nesting): the cached template and the caller's values must stay as they were, whatever is done to the card.
        var template = Content.Templates["question"].ToJsonString();
        var values = new Dictionary<string, JsonNode?>
        {
            ["answers"] = new JsonArray(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Oui", ["verb"] = "quiz.answer", ["data"] = new JsonObject { ["choice"] = "a" } }),
            }),
            ["prompt"] = "Une question",
        };
        var given = new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))).ToJsonString();
        var card = _renderer.Render("question", "fr", values);
        var rendered = card.ToJsonString();
        Assert.Contains("\"Oui\"", rendered, StringComparison.Ordinal); // the caller's answers are spliced into the card
        Assert.Contains("Action.Submit", rendered, StringComparison.Ordinal); // with their fallback (ActionFallbacks)

        foreach (var node in Descendants(card).ToList())
        {
            switch (node)
            {
                case JsonObject obj: obj["changed"] = true; break;
                case JsonArray array: array.Add("changed"); break;
            }
        }

        Assert.Equal(template, Content.Templates["question"].ToJsonString());
        Assert.Equal(given, new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))).ToJsonString());
        Assert.Equal(rendered, _renderer.Render("question", "fr", values).ToJsonString());
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        _ => [node],
    };

    [Theory]
    [MemberData(nameof(EveryTemplateInEveryLanguage))]
    public void Render_LeavesNoPlaceholder_WrapsEveryTextBlock_AndStaysInsideTeamsBudget(string template, string language) =>
        AssertReadableAndInsideBudget(_renderer.Render(template, language, SampleValues()));

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("de")]
    [InlineData("en")]
    public void Render_FilledCards_LeaveNoPlaceholder_WrapEveryTextBlock_AndStayInsideTeamsBudget(string language)
    {
        var course = ConnectooBot.Storage.Content.ContentLoader.LoadCourse(ContentPaths.Shipped);
        var cards = BadgeSamples.Cards(Content, course, language).Concat(ProgressSamples.Cards(Content, course, language)).Concat(NudgeSamples.Cards(Content, course, language)).ToList();

        Assert.Equal(13, cards.Count);
        Assert.All(cards, c => AssertReadableAndInsideBudget(c.Card));
    }

    private static void AssertReadableAndInsideBudget(JsonObject card)
    {
        var json = card.ToJsonString();

        Assert.DoesNotContain("${", json, StringComparison.Ordinal);
        Assert.DoesNotContain("$when", json, StringComparison.Ordinal);
        Assert.All(Elements(card).Where(e => e["type"]?.GetValue<string>() == "TextBlock"), block => Assert.True(block["wrap"]?.GetValue<bool>()));
        Assert.All(Elements(card).Where(e => e["type"]?.GetValue<string>() == "Image"), image => Assert.False(string.IsNullOrWhiteSpace(image["altText"]?.GetValue<string>())));
        Assert.False(string.IsNullOrWhiteSpace(card["speak"]?.GetValue<string>()));

        // teams-protocol.md §7.2: UTF-8 bytes × 2 ≤ 80,000.
        Assert.True(Encoding.UTF8.GetByteCount(json) * 2 <= 80_000);
    }

    [Fact]
    public void Render_Welcome_UsesTheLanguageTexts()
    {
        var french = _renderer.Render("welcome", "fr");
        var dutch = _renderer.Render("welcome", "nl");

        Assert.Equal("Bienvenue dans Connectoo", french["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Welkom bij Connectoo", dutch["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Render_ExecuteAction_GetsSubmitFallbackWithTheVerb()
    {
        var card = _renderer.Render("welcome", "de");

        var action = card["actions"]![0]!;
        Assert.Equal("Action.Execute", action["type"]!.GetValue<string>());
        Assert.Equal("course.start", action["verb"]!.GetValue<string>());
        Assert.Equal("Action.Submit", action["fallback"]!["type"]!.GetValue<string>());
        Assert.Equal("course.start", action["fallback"]!["data"]!["verb"]!.GetValue<string>());
        Assert.Equal("Starten", action["fallback"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void Render_WhenValueMissing_DropsTheElement()
    {
        var withNotice = _renderer.Render("help", "en", new Dictionary<string, JsonNode?> { ["notice"] = "Sorry" });
        var without = _renderer.Render("help", "en");

        Assert.Equal(without["body"]!.AsArray().Count + 1, withNotice["body"]!.AsArray().Count);
    }

    [Fact]
    public void Render_ValueWithQuotesAndPlaceholderSyntax_IsInsertedLiterally()
    {
        var card = _renderer.Render("notice", "en", new Dictionary<string, JsonNode?> { ["text"] = "He said \"${t.welcome.title}\" }" });

        Assert.Equal("He said \"${t.welcome.title}\" }", card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Render_TextWithValuePlaceholder_IsInterpolatedOneLevelDeep()
    {
        var texts = Languages.All.ToDictionary(l => l, l => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["greet"] = $"{l}: hello ${{name}}" });
        var template = (JsonObject)JsonNode.Parse("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${t.greet}", "wrap": true } ] }""")!;
        var renderer = new CardRenderer(new UiContent(texts, new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(), new Dictionary<string, JsonObject> { ["t"] = template }));

        var card = renderer.Render("t", "nl", new Dictionary<string, JsonNode?> { ["name"] = "${t.greet}" });

        Assert.Equal("nl: hello ${t.greet}", card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Render_DoesNotChangeTheTemplate()
    {
        var before = Content.Templates["help"].ToJsonString();

        _renderer.Render("help", "nl", SampleValues());

        Assert.Equal(before, Content.Templates["help"].ToJsonString());
    }

    internal static IEnumerable<JsonObject> Elements(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Elements(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in Elements(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
