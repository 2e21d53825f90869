using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Tests.Turns;

public sealed class UiContentLoaderTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "connectoo-content-" + Guid.NewGuid().ToString("N"));

    public UiContentLoaderTests()
    {
        foreach (var file in Directory.GetFiles(ContentPaths.Shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy, Path.GetRelativePath(ContentPaths.Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact]
    public void Load_ShippedContent_HasEveryLanguageAndTemplate()
    {
        var content = ContentLoader.LoadInterface(ContentPaths.Shipped);

        Assert.Equal(["de", "en", "fr", "nl"], content.Texts.Keys.Order());
        Assert.Contains("welcome", content.Templates.Keys);
        Assert.Contains("team-intro", content.Templates.Keys);
        Assert.Equal("aide", content.CommandWord("fr", "help"));
        Assert.Equal("hulp", content.CommandWord("nl", "help"));
    }

    [Fact]
    public void Load_KeyMissingInOneLanguage_ReportsIt()
    {
        var path = Path.Combine(_copy, "strings", "de.yaml");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("welcome.start:", StringComparison.Ordinal)));

        var error = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadInterface(_copy));

        Assert.Contains("strings (de): 'welcome.start' is missing.", error.Problems);
    }

    [Fact]
    public void Load_SeveralProblems_AreReportedTogether()
    {
        File.AppendAllText(Path.Combine(_copy, "strings", "fr.yaml"), "only.in.french: Bonjour\n");
        File.WriteAllText(Path.Combine(_copy, "cards", "broken.json"), "{ not json");
        File.WriteAllText(Path.Combine(_copy, "cards", "typo.json"), """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${t.welcome.titel}" } ] }""");
        File.WriteAllText(Path.Combine(_copy, "cards", "old.json"), """{ "type": "AdaptiveCard", "version": "1.6", "body": [] }""");

        var error = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadInterface(_copy));

        Assert.Contains("strings (fr): 'only.in.french' is not in English.", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("cards/broken.json: invalid JSON", StringComparison.Ordinal));
        Assert.Contains("cards/typo.json: 't.welcome.titel' names no text in strings/en.yaml.", error.Problems);
        Assert.Contains("cards/old.json: not an AdaptiveCard of version 1.5.", error.Problems);
    }

    [Fact]
    public void Load_CommandWithoutGerman_IsReported()
    {
        var path = Path.Combine(_copy, "commands.yaml");
        File.WriteAllText(path, "help:\n  en: [help]\n  fr: [aide]\n  nl: [hulp]\n");

        var error = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadInterface(_copy));

        Assert.Contains("commands.yaml: 'help' has no words in 'de'.", error.Problems);
    }

    [Fact]
    public void Load_InvalidYaml_SaysWhere()
    {
        File.WriteAllText(Path.Combine(_copy, "strings", "nl.yaml"), "welcome.title: [unclosed\n");

        var error = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadInterface(_copy));

        Assert.Contains(error.Problems, p => p.Contains("nl.yaml: invalid YAML at line", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_AreaFiles_AreMergedPerLanguage_AndDuplicatesReported()
    {
        foreach (var language in Languages.All)
        {
            File.WriteAllText(Path.Combine(_copy, "strings", $"extra.{language}.yaml"), $"extra.hello: hello {language}\n");
        }

        Assert.Equal("hello nl", ContentLoader.LoadInterface(_copy).Text("nl", "extra.hello"));

        File.AppendAllText(Path.Combine(_copy, "strings", "extra.de.yaml"), "welcome.title: twice\n");
        var error = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadInterface(_copy));
        Assert.Contains("strings/extra.de.yaml: 'welcome.title' is defined twice for 'de'.", error.Problems);
    }
}
