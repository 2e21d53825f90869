using ConnectooBot.Learning.Catalog;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Language;
using ConnectooBot.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Language;

/// <summary>The language names a person can type, against commands.yaml and the route table the host builds.</summary>
public sealed class LanguageNamesTests : BotTest
{
    private static readonly UiContent Content = ContentLoader.LoadInterface(ContentPaths.Shipped);

    private static readonly LanguageNames Names = new(Content);

    [Theory]
    [InlineData("français", "fr")]
    [InlineData("FRANCAIS", "fr")]
    [InlineData("french", "fr")]
    [InlineData("Frans", "fr")]
    [InlineData("Französisch", "fr")]
    [InlineData("Nederlands", "nl")]
    [InlineData("néerlandais", "nl")]
    [InlineData("Dutch", "nl")]
    [InlineData("Niederlandisch", "nl")]
    [InlineData("Deutsch", "de")]
    [InlineData("allemand", "de")]
    [InlineData("Duits", "de")]
    [InlineData("German", "de")]
    [InlineData("English", "en")]
    [InlineData("anglais", "en")]
    [InlineData("Engels", "en")]
    [InlineData("Englisch", "en")]
    [InlineData("nl", "nl")]
    [InlineData("in het Nederlands graag", "nl")]
    public void Find_NamesTheLanguage(string text, string language) => Assert.Equal(language, Names.Find(text));

    [Theory]
    [InlineData("")]
    [InlineData("klingon")]
    [InlineData("language")]
    [InlineData("frankrijk")]
    public void Find_WithoutALanguageName_IsNull(string text) => Assert.Null(Names.Find(text));

    [Fact]
    public void EveryLanguageWordOfCommandsYaml_BesidesTheCommandWord_NamesALanguage()
    {
        var unnamed = Content.Commands["language"]
            .SelectMany(words => words.Value.Skip(1))
            .Where(word => Names.Find(word) is null)
            .ToList();

        Assert.Empty(unnamed);
    }

    [Fact]
    public void EveryLanguageName_TypedAlone_ReachesTheLanguageCommand()
    {
        var routes = Bot.Services.GetRequiredService<RouteTable>();
        var names = Languages.All.SelectMany(target => Languages.All.Select(language => Content.Text(language, $"language.names.{target}")))
            .Concat(Languages.All.Select(language => Content.Text(language, "language.name")))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(names.Count >= 16, $"only {names.Count} names");
        Assert.All(names, name => Assert.Equal("language", routes.Match(name)?.Command));
    }
}
