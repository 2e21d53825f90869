using ConnectooBot.Storage.Content;

namespace ConnectooBot.Storage.Tests.Content;

public sealed class PluralTextTests
{
    private const string Modules = "{passed, plural, one {# module réussi} other {# modules réussis}} sur ${total}.";

    [Theory]
    [InlineData("fr", 0, "one")]
    [InlineData("fr", 1, "one")]
    [InlineData("fr", 2, "other")]
    [InlineData("en", 0, "other")]
    [InlineData("en", 1, "one")]
    [InlineData("nl", 1, "one")]
    [InlineData("nl", 0, "other")]
    [InlineData("de", 1, "one")]
    [InlineData("de", 6, "other")]
    public void Category_FollowsCldr_FrenchCountsZeroAsOne(string language, int count, string category) =>
        Assert.Equal(category, PluralText.Category(language, count));

    [Theory]
    [InlineData(0, "0 module réussi sur ${total}.")]
    [InlineData(1, "1 module réussi sur ${total}.")]
    [InlineData(5, "5 modules réussis sur ${total}.")]
    public void Resolve_PicksTheFormAndPutsTheNumberForHash(int passed, string expected) =>
        Assert.Equal(expected, PluralText.Resolve(Modules, "fr", name => name == "passed" ? passed.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));

    [Fact]
    public void Resolve_TextWithoutPlural_IsUnchanged() =>
        Assert.Equal("Étape ${step} sur ${steps}", PluralText.Resolve("Étape ${step} sur ${steps}", "fr", _ => "1"));

    [Fact]
    public void Resolve_MissingCount_UsesTheOtherForm() =>
        Assert.Equal(" modules réussis sur ${total}.", PluralText.Resolve(Modules, "fr", _ => null));

    [Fact]
    public void Resolve_FormsMayHoldPlaceholders() =>
        Assert.Equal(
            "1 of ${members} members has started.",
            PluralText.Resolve("{started, plural, one {# of ${members} members has started.} other {# of ${members} members have started.}}", "en", _ => "1"));

    [Theory]
    [InlineData("{n, plural, one {# day}}", "the plural of 'n' has no 'other' form")]
    [InlineData("{n, plural, other {# days}}", "the plural of 'n' has no 'one' form")]
    [InlineData("{n, plural, one {# day} few {# days} other {# days}}", "the plural of 'n' has a form 'few' (only 'one' and 'other' are used)")]
    [InlineData("{n, plural, one {# day} other {# days}", "the plural of 'n' is not closed or not written as {name, plural, one {…} other {…}}")]
    public void Problems_NameWhatIsWrong(string text, string problem) =>
        Assert.Contains(problem, PluralText.Problems(text));

    [Fact]
    public void Problems_WellFormedText_HasNone() => Assert.Empty(PluralText.Problems(Modules));

    [Fact]
    public void Format_ChoosesThePluralFromTheNamedValue()
    {
        var content = new UiContent(
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["fr"] = new Dictionary<string, string> { ["map.summary"] = Modules },
                ["en"] = new Dictionary<string, string> { ["map.summary"] = "${passed} of ${total} modules passed." },
            },
            new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(),
            new Dictionary<string, System.Text.Json.Nodes.JsonObject>());

        Assert.Equal("0 module réussi sur 6.", content.Format("fr", "map.summary", ("passed", 0), ("total", 6)));
        Assert.Equal("2 modules réussis sur 6.", content.Format("fr", "map.summary", ("passed", 2), ("total", 6)));
    }
}
