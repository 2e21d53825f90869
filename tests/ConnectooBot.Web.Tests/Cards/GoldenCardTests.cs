using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Tests.Cards;

/// <summary>
/// Rendered cards compared with checked-in golden files (tests/ConnectooBot.Web.Tests/Golden). After a deliberate
/// change, run the tests with UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class GoldenCardTests
{
    private static readonly UiContent Content = ContentLoader.LoadInterface(ContentPaths.Shipped);

    private static readonly CardRenderer Renderer = new(Content);

    [Theory]
    [InlineData("welcome", "fr")]
    [InlineData("welcome", "nl")]
    [InlineData("welcome", "de")]
    [InlineData("welcome", "en")]
    [InlineData("team-intro", "fr")]
    [InlineData("help", "nl")]
    public void Render_MatchesGoldenFile(string template, string language)
    {
        AssertMatchesGolden($"{template}.{language}.json", Renderer.Render(template, language));
    }

    [Fact]
    public void LanguageChoice_MatchesGoldenFile()
    {
        AssertMatchesGolden("language.de.json", Renderer.Render("language", "de", new Dictionary<string, JsonNode?> { ["heading"] = Content.Text("de", "language.title") }));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("de")]
    [InlineData("en")]
    public void FilledCards_MatchGoldenFiles(string language)
    {
        var course = ConnectooBot.Storage.Content.ContentLoader.LoadCourse(ContentPaths.Shipped);
        foreach (var (name, card) in BadgeSamples.Cards(Content, course, language).Concat(ProgressSamples.Cards(Content, course, language)).Concat(NudgeSamples.Cards(Content, course, language)))
        {
            AssertMatchesGolden($"{name}.{language}.json", card);
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
