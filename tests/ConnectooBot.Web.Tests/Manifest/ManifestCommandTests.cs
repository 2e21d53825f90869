using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Tests.Manifest;

/// <summary>
/// Keeps the Teams manifest's command menus in sync with the bot's command table (dialogs-content/commands.yaml, read
/// by the bot's own loader): Teams sends a menu item's title as the message, so every title must be a word the bot
/// understands, in English in the manifest and in each language file.
/// </summary>
public sealed class ManifestCommandTests
{
    private const int MaxTitleLength = 32;
    private const int MaxDescriptionLength = 128;

    /// <summary>Bot commands deliberately left out of every menu (none today). Add one here only with a reason.</summary>
    // "reminders off" and "reminders on" are offered as buttons on the card that "reminders" shows; the personal menu
    // keeps room (Teams allows 12 commands per list) for the commands people look for.
    private static readonly HashSet<string> NotInAnyMenu = ["reminders-off", "reminders-on"];

    private static readonly string[] MainCommands = ["start", "continue", "modules", "progress", "language", "help"];

    private readonly UiContent _content = ContentLoader.LoadInterface(ContentPaths.Shipped);

    public static TheoryData<string> Languages() => [.. TeamsManifestFiles.AdditionalLanguages];

    [Fact]
    public void CommandLists_EveryTitle_IsTheEnglishWordOfABotCommand()
    {
        foreach (var list in TeamsManifestFiles.CommandLists)
        {
            foreach (var command in list.Commands)
            {
                Assert.True(
                    CommandKeyFor(command.Title, "en") is not null,
                    $"The manifest's command '{command.Title}' ({string.Join('+', list.Scopes)}) is not the English word of any command in commands.yaml.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void LanguageFile_EveryTitle_IsTheWordOfTheSameCommandInThatLanguage(string language)
    {
        var strings = TeamsManifestFiles.LanguageFile(language);
        foreach (var list in TeamsManifestFiles.CommandLists)
        {
            foreach (var (command, index) in list.Commands.Select((c, i) => (c, i)))
            {
                var key = $"bots[0].commandLists[{list.Index}].commands[{index}]";
                var expected = _content.CommandWord(language, CommandKeyFor(command.Title, "en")!);
                Assert.Equal(expected, strings[key + ".title"]?.GetValue<string>());
                Assert.False(string.IsNullOrWhiteSpace(strings[key + ".description"]?.GetValue<string>()), $"{language}.json: {key}.description is missing.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void LanguageFile_HasNoCommandTheManifestLacks(string language)
    {
        var expectedKeys = TeamsManifestFiles.CommandLists
            .SelectMany(list => list.Commands.Select((_, i) => $"bots[0].commandLists[{list.Index}].commands[{i}]"))
            .SelectMany(prefix => new[] { prefix + ".title", prefix + ".description" })
            .Order(StringComparer.Ordinal);

        var commandKeys = TeamsManifestFiles.LanguageFile(language).Select(p => p.Key)
            .Where(k => k.StartsWith("bots[", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(expectedKeys, commandKeys);
    }

    [Fact]
    public void PersonalMenu_HasTheMainCommands()
    {
        var personal = TeamsManifestFiles.CommandLists.Single(l => l.Scopes.Contains("personal"));

        var keys = personal.Commands.Select(c => CommandKeyFor(c.Title, "en")).ToList();

        Assert.All(MainCommands, main => Assert.Contains(main, keys));
    }

    [Fact]
    public void BotCommands_EachIsInAMenu_UnlessDeliberatelyLeftOut()
    {
        var inMenus = TeamsManifestFiles.CommandLists.SelectMany(l => l.Commands).Select(c => CommandKeyFor(c.Title, "en")).ToHashSet();

        var missing = _content.Commands.Keys.Where(k => !inMenus.Contains(k) && !NotInAnyMenu.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"commands.yaml has commands no manifest menu offers: {string.Join(", ", missing)}. Add them to manifest/manifest.template.json and fr/nl/de.json (or to {nameof(NotInAnyMenu)} with a reason).");
    }

    [Fact]
    public void Bot_IsInPersonalAndTeamScopes_WithOneMenuPerScope()
    {
        var scopes = TeamsManifestFiles.Bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal);
        var menuScopes = TeamsManifestFiles.CommandLists.SelectMany(l => l.Scopes).Order(StringComparer.Ordinal);

        Assert.Equal(["personal", "team"], scopes);
        Assert.Equal(["personal", "team"], menuScopes);
        Assert.False(TeamsManifestFiles.Bot["supportsFiles"]!.GetValue<bool>());
    }

    [Fact]
    public void Menus_RespectTeamsLimits_InEveryLanguage()
    {
        var texts = TeamsManifestFiles.CommandLists.SelectMany(l => l.Commands).SelectMany(c => new[] { (c.Title, MaxTitleLength), (c.Description, MaxDescriptionLength) })
            .Concat(TeamsManifestFiles.AdditionalLanguages.SelectMany(TeamsManifestFiles.LanguageFile)
                .Where(p => p.Key.StartsWith("bots[", StringComparison.Ordinal))
                .Select(p => (p.Value!.GetValue<string>(), p.Key.EndsWith(".title", StringComparison.Ordinal) ? MaxTitleLength : MaxDescriptionLength)))
            .ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.InRange(t.Item1.Length, 1, t.Item2));
        // The bundled manifest schema (v1.24 and later) allows 12 commands per list.
        Assert.All(TeamsManifestFiles.CommandLists, l => Assert.InRange(l.Commands.Count, 1, 12));
    }

    /// <summary>The command whose shown (first) word in <paramref name="language"/> is <paramref name="word"/>.</summary>
    private string? CommandKeyFor(string word, string language) =>
        _content.Commands.FirstOrDefault(c => c.Value.TryGetValue(language, out var words) && words[0] == word).Key;
}
