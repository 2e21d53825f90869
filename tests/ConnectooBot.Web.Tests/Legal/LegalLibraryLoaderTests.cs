using ConnectooBot.Web.Legal;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Tests.Legal;

public sealed class LegalLibraryLoaderTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "connectoo-legal-" + Guid.NewGuid().ToString("N"));

    public LegalLibraryLoaderTests()
    {
        Directory.CreateDirectory(Path.Combine(_copy, "legal"));
        foreach (var file in Directory.GetFiles(Path.Combine(ContentPaths.Shipped, "legal"), "*.md"))
        {
            File.Copy(file, Path.Combine(_copy, "legal", Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact]
    public void Load_ShippedTexts_EveryTextInEveryLanguageWithItsTitle()
    {
        var library = LegalLibraryLoader.Load(ContentPaths.Shipped);

        Assert.All(LegalLibrary.Names, name => Assert.Equal(Languages.All.Order(), library.Documents[name].Keys.Order()));
        Assert.Equal("Privacy notice", library.Get(LegalLibrary.Privacy, "en").Title);
        Assert.Equal("Conditions d'utilisation", library.Get(LegalLibrary.Terms, "fr").Title);
    }

    [Fact]
    public void Load_MissingTranslation_StopsWithTheFileName()
    {
        File.Delete(Path.Combine(_copy, "legal", "terms.de.md"));

        var error = Assert.Throws<ContentValidationException>(() => LegalLibraryLoader.Load(_copy));

        Assert.Contains("legal/terms.de.md is missing.", error.Problems);
    }

    [Fact]
    public void Load_TextWithoutTitle_StopsWithTheFileName()
    {
        File.WriteAllText(Path.Combine(_copy, "legal", "about.nl.md"), "Geen titel.\n");

        var error = Assert.Throws<ContentValidationException>(() => LegalLibraryLoader.Load(_copy));

        Assert.Contains("legal/about.nl.md must start with a level-1 heading (# Title).", error.Problems);
    }

    [Fact]
    public void Load_RawHtmlInTheMarkdown_IsShownAsTextNotRun()
    {
        File.WriteAllText(Path.Combine(_copy, "legal", "about.en.md"), "# About\n\n<script>alert(1)</script> and <b>bold</b>\n");

        var body = LegalLibraryLoader.Load(_copy).Get(LegalLibrary.About, "en").BodyHtml;

        Assert.DoesNotContain("<script", body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", body, StringComparison.Ordinal);
    }
}
