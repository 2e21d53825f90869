using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Tests.Help;

/// <summary>
/// The help feature's cards against golden files (tests/ConnectooBot.Web.Tests/Golden): the learner help for a
/// newcomer and mid-course, the compact prompt, the channel help. After a deliberate change, run with UPDATE_GOLDEN=1
/// and review the diff.
/// </summary>
public sealed class HelpCardGoldenTests
{
    private static readonly UiContent Content = ContentLoader.LoadInterface(ContentPaths.Shipped);

    private static readonly CardRenderer Renderer = new(Content);

    public static TheoryData<string> AllLanguages() => ["fr", "nl", "de", "en"];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void HelpCards_MatchGoldenFiles(string language)
    {
        AssertMatchesGolden($"help-newcomer.{language}.json", Renderer.Render("help", language, new Dictionary<string, JsonNode?> { ["offerStart"] = true }));
        AssertMatchesGolden($"help-midcourse.{language}.json", Renderer.Render("help", language, new Dictionary<string, JsonNode?> { ["offerContinue"] = true }));
        AssertMatchesGolden($"prompt.{language}.json", Renderer.Render("prompt", language, new Dictionary<string, JsonNode?>
        {
            ["text"] = Content.Text(language, "prompt.unknown").Replace("${input}", "quelle météo", StringComparison.Ordinal),
            ["offerContinue"] = true,
        }));
        AssertMatchesGolden($"channel-help.{language}.json", Renderer.Render("channel-help", language));
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void HelpCards_HaveFallbackTextSpeakAndWrappedText(string language)
    {
        foreach (var card in new[] { Renderer.Render("help", language), Renderer.Render("prompt", language, new Dictionary<string, JsonNode?> { ["text"] = "t" }), Renderer.Render("channel-help", language) })
        {
            Assert.False(string.IsNullOrWhiteSpace(card["fallbackText"]?.GetValue<string>()));
            Assert.DoesNotContain("${", card["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(card["speak"]?.GetValue<string>()));
            Assert.All(card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]?.GetValue<string>() == "TextBlock"), b => Assert.True(b["wrap"]!.GetValue<bool>()));
        }
    }

    private static void AssertMatchesGolden(string name, JsonObject card)
    {
        var actual = card.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var golden = Path.Combine(ContentPaths.RepositoryRoot, "tests", "ConnectooBot.Web.Tests", "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual + Environment.NewLine);
        }

        Assert.True(File.Exists(golden), $"No golden file {name}; run with UPDATE_GOLDEN=1 to create it.");
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(golden)), JsonNode.Parse(actual)),
            $"{name} differs from the golden file. Actual:{Environment.NewLine}{actual}");
    }
}
