using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Language;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Tests.Language;

/// <summary>
/// The language cards as they are filled in (tests/ConnectooBot.Web.Tests/Golden): after a switch with Start or
/// Continue, the choice again after a bad button, the welcome kept after a switch. Refresh with UPDATE_GOLDEN=1.
/// </summary>
public sealed class LanguageCardGoldenTests
{
    private static readonly UiContent Content = ContentLoader.LoadInterface(ContentPaths.Shipped);

    private static readonly LanguageCards Cards = new(new CardReplies(new CardRenderer(Content), Content));

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("de")]
    [InlineData("en")]
    public void FilledLanguageCards_MatchGoldenFiles(string language)
    {
        var newcomer = Learner(language, CourseProgress.Empty);
        var resuming = Learner(language, CourseProgress.Empty with { Current = new Position("digital-divide", PositionKind.Lesson, 2) });

        AssertMatchesGolden($"language-switched-start.{language}.json", Cards.Switched(newcomer));
        AssertMatchesGolden($"language-switched-continue.{language}.json", Cards.Switched(resuming));
        AssertMatchesGolden($"language-unknown.{language}.json", Cards.Choice(language, Content.Text(language, "language.unknown")));
        AssertMatchesGolden($"welcome-switched.{language}.json", Cards.Welcome(language));
    }

    private static Learner Learner(string language, CourseProgress progress) => new()
    {
        Key = new LearnerKey("tenant", "learner"),
        Language = language,
        LanguageChosen = true,
        FirstSeen = DateTimeOffset.UnixEpoch,
        LastActive = DateTimeOffset.UnixEpoch,
        Progress = progress,
    };

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
