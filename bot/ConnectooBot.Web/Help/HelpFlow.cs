using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Help;

/// <summary>"help", the help button, and the answer to text the bot does not understand.</summary>
internal sealed class HelpFlow(LearnerSessions learners, CardReplies replies, UiContent content)
{
    private const int MaxEchoedLength = 60;

    public Task ShowHelpAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken) =>
        AnswerAsync(turn, fromCard, notice: null, cancellationToken);

    public async Task UnrecognizedTextAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        var language = LearnerSessions.LanguageFor(learner, turn.Activity);
        var notice = string.IsNullOrWhiteSpace(text)
            ? content.Text(language, "unknown.suggestion")
            : content.Text(language, "unknown.text").Replace("${input}", Echo(text), StringComparison.Ordinal) + " " + content.Text(language, "unknown.suggestion");
        await replies.SendAsync(turn, "help", language, cancellationToken, new Dictionary<string, JsonNode?> { ["notice"] = notice });
    }

    /// <summary>A button the bot no longer knows (an old card, or a forged one): say so and offer help.</summary>
    public async Task StaleCardAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        var language = LearnerSessions.LanguageFor(learner, turn.Activity);
        await replies.AnswerAsync(turn, fromCard: true, "notice", language, cancellationToken, new Dictionary<string, JsonNode?>
        {
            ["text"] = content.Text(language, "stale.text"),
            ["offerHelp"] = true,
        });
    }

    private async Task AnswerAsync(TurnContext turn, bool fromCard, string? notice, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        var language = LearnerSessions.LanguageFor(learner, turn.Activity);
        await replies.AnswerAsync(turn, fromCard, "help", language, cancellationToken, new Dictionary<string, JsonNode?> { ["notice"] = notice });
    }

    /// <summary>Shortens the user's text and keeps it from being read as Markdown or a mention.</summary>
    private static string Echo(string text)
    {
        var shortened = text.Length > MaxEchoedLength ? text[..MaxEchoedLength] + "…" : text;
        var plain = new string([.. shortened.Where(c => !char.IsControl(c))]);
        return plain.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("<", "‹", StringComparison.Ordinal).Replace(">", "›", StringComparison.Ordinal);
    }
}
