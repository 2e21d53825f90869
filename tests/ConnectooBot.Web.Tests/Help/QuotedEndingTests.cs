using ConnectooBot.Web.Help;

namespace ConnectooBot.Web.Tests.Help;

/// <summary>A pointer whose step title is a question read "…in step 2: “Who is most at risk?”." (found by a proof-reading).</summary>
public sealed class QuotedEndingTests
{
    [Theory]
    [InlineData("Module 1, “Understanding the digital divide”, teaches this in step 2: “Who is most at risk?”.", "Module 1, “Understanding the digital divide”, teaches this in step 2: “Who is most at risk?”")]
    [InlineData("Le module 6 en parle à l'étape 4\u00A0: «\u00A0Déjà cliqué\u00A0? Agir vite\u00A0!\u00A0».", "Le module 6 en parle à l'étape 4\u00A0: «\u00A0Déjà cliqué\u00A0? Agir vite\u00A0!\u00A0»")]
    [InlineData("Modul 4 behandelt das in Schritt 8: „Rente beantragen oder nicht?“.", "Modul 4 behandelt das in Schritt 8: „Rente beantragen oder nicht?“")]
    [InlineData("Module 3 behandelt dit in stap 1: “CSAM: één aanmeldpagina, meerdere sleutels”.", "Module 3 behandelt dit in stap 1: “CSAM: één aanmeldpagina, meerdere sleutels”.")]
    [InlineData("Is this a question?", "Is this a question?")]
    public void ASentenceEndingOnAQuotedQuestion_TakesNoFullStopAfterIt(string sentence, string tidy) =>
        Assert.Equal(tidy, QuotedEnding.Tidy(sentence));
}
