using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Language;

/// <summary>The cards of the language feature: the choice, the choice after a switch (with the next step), the welcome after a switch.</summary>
internal sealed class LanguageCards(CardReplies replies)
{
    /// <summary>The four languages under "Choose your language", with an optional line above them.</summary>
    public JsonObject Choice(string language, string? notice = null) =>
        replies.Render("language", language, new Dictionary<string, JsonNode?> { ["heading"] = replies.Text(language, "language.title"), ["notice"] = notice });

    /// <summary>
    /// After a switch: the confirmation in the new language as the heading (the choice is made: no "Choose your
    /// language" above it), the other languages, and the next step, Start for a newcomer or Continue when the learner
    /// has a place in the course.
    /// </summary>
    public JsonObject Switched(Learner learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var hasPosition = learner.Progress.Current is not null;
        return replies.Render("language", learner.Language, new Dictionary<string, JsonNode?>
        {
            ["heading"] = replies.Text(learner.Language, "language.changed"),
            ["offerStart"] = !hasPosition,
            ["offerContinue"] = hasPosition,
        });
    }

    /// <summary>The welcome again, in the new language, so a click on its language buttons keeps the welcome and its privacy note.</summary>
    public JsonObject Welcome(string language) =>
        replies.Render("welcome", language, new Dictionary<string, JsonNode?> { ["notice"] = replies.Text(language, "language.changed") });

    public string Text(string language, string key) => replies.Text(language, key);
}
