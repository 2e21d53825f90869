using ConnectooBot.Web.Legal;

namespace ConnectooBot.Web.Tests.Manifest;

public sealed class ManifestTemplateTests
{
    [Theory]
    [InlineData("{{APP_ID}}")]
    [InlineData("{{BOT_ID}}")]
    [InlineData("{{DOMAIN}}")]
    [InlineData("{{VERSION}}")]
    public void Template_HasThePlaceholderTheDeploymentFills(string placeholder)
    {
        Assert.Contains(placeholder, TeamsManifestFiles.TemplateText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("privacyUrl", LegalLibrary.Privacy)]
    [InlineData("termsOfUseUrl", LegalLibrary.Terms)]
    [InlineData("websiteUrl", LegalLibrary.About)]
    public void DeveloperLinks_PointAtThePagesTheBotServes(string field, string page)
    {
        var url = TeamsManifestFiles.Template["developer"]![field]!.GetValue<string>();

        Assert.Equal($"https://connectoobot.localhost{LegalEndpoints.Root}/{page}", url);
    }

    [Fact]
    public void Localization_IsEnglishByDefault_WithFrenchDutchAndGermanFiles()
    {
        var info = TeamsManifestFiles.Template["localizationInfo"]!;

        var additional = info["additionalLanguages"]!.AsArray().Select(l => (l!["languageTag"]!.GetValue<string>(), l["file"]!.GetValue<string>()));

        Assert.Equal("en-us", info["defaultLanguageTag"]!.GetValue<string>());
        Assert.Equal([("fr", "fr.json"), ("nl", "nl.json"), ("de", "de.json")], additional);
    }

    [Fact]
    public void LanguageFiles_TranslateNameAndDescription()
    {
        var english = TeamsManifestFiles.Template["description"]!["full"]!.GetValue<string>();
        foreach (var language in TeamsManifestFiles.AdditionalLanguages)
        {
            var strings = TeamsManifestFiles.LanguageFile(language);
            Assert.All(["name.short", "name.full", "description.short", "description.full"], key => Assert.False(string.IsNullOrWhiteSpace(strings[key]?.GetValue<string>()), $"{language}.json: {key}"));
            Assert.NotEqual(english, strings["description.full"]!.GetValue<string>());
        }
    }
}
