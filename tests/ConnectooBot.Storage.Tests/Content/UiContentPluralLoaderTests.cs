using ConnectooBot.Storage.Content;

namespace ConnectooBot.Storage.Tests.Content;

/// <summary>The loader refuses a counted text that lacks a plural form, naming the file and key.</summary>
public sealed class UiContentPluralLoaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "connectoo-plural-" + Guid.NewGuid().ToString("N"));

    public UiContentPluralLoaderTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "strings"));
        Directory.CreateDirectory(Path.Combine(_root, "cards"));
        File.WriteAllText(Path.Combine(_root, "commands.yaml"), "help:\n  fr: [aide]\n  nl: [hulp]\n  de: [hilfe]\n  en: [help]\n");
        foreach (var language in new[] { "fr", "nl", "de", "en" })
        {
            Write(language, "{passed, plural, one {# module} other {# modules}}");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_EveryFormPresent_Loads() =>
        Assert.Equal("1 module", ContentLoader.LoadInterface(_root).Format("de", "map.summary", ("passed", 1)));

    [Fact]
    public void Load_OneLanguageWithoutItsOtherForm_ReportsFileAndKey()
    {
        Write("nl", "{passed, plural, one {# module}}");

        var error = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadInterface(_root));

        Assert.Contains("strings/nl.yaml: 'map.summary': the plural of 'passed' has no 'other' form.", error.Problems);
    }

    private void Write(string language, string summary) =>
        File.WriteAllText(Path.Combine(_root, "strings", language + ".yaml"), $"map.summary: \"{summary}\"\n");
}
