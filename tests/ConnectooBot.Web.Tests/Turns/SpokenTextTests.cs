using System.Text.Json.Nodes;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Tests.Cards;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Tests.Turns;

/// <summary>What a screen reader reads and what a client without cards shows: no stray stops where texts are joined.</summary>
public sealed class SpokenTextTests
{
    [Theory]
    [InlineData("Wer ist am stärksten gefährdet?. Schritt 2 von 8.", "Wer ist am stärksten gefährdet? Schritt 2 von 8.")]
    [InlineData("Qui est le plus exposé ?. Étape 2 sur 8.", "Qui est le plus exposé ? Étape 2 sur 8.")]
    [InlineData("Bravo!. Next", "Bravo! Next")]
    [InlineData("Kies je taal:. Nederlands", "Kies je taal: Nederlands")]
    [InlineData("Quiz passed.. See the map", "Quiz passed. See the map")]
    [InlineData("Done. . Next", "Done. Next")]
    [InlineData("Wait for it... then go.", "Wait for it... then go.")]
    [InlineData("Plain text.  Two  spaces", "Plain text. Two spaces")]
    [InlineData("Line one.\n\nLine two.", "Line one.\n\nLine two.")]
    [InlineData("Vérifiez l'adresse : .be ou .com ?. Étape 3", "Vérifiez l'adresse : .be ou .com ? Étape 3")]
    [InlineData("Fin.\n\n.be est un domaine", "Fin.\n\n.be est un domaine")]
    [InlineData("Qui est exposé\u00A0?. Étape 2", "Qui est exposé\u00A0? Étape 2")]
    [InlineData("**Welkom bij Connectoo**\n\nTyp **hulp**.", "Welkom bij Connectoo\n\nTyp hulp.")]
    [InlineData("2 * 3 = 6", "2 * 3 = 6")]
    public void Tidy_KeepsOneMarkWhereTextsAreJoined(string joined, string expected) =>
        Assert.Equal(expected, SpokenText.Tidy(joined));

    [Fact]
    public void Render_ALessonStepWhoseTitleIsAQuestion_IsSpokenWithoutAStrayStop()
    {
        var renderer = new CardRenderer(ContentLoader.LoadInterface(ContentPaths.Shipped));

        var card = renderer.Render("lesson-step", "de", new Dictionary<string, JsonNode?>
        {
            ["title"] = "Wer ist am stärksten gefährdet?",
            ["stepLabel"] = "Schritt 2 von 8",
            ["body"] = "Text.",
        });

        Assert.Equal("Wer ist am stärksten gefährdet? Schritt 2 von 8.", card["speak"]!.GetValue<string>());
        Assert.StartsWith("Wer ist am stärksten gefährdet? Text.", card["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
