using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Web.Turns;
using ConnectooBot.Web.Nudges;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Tests.Cards;

/// <summary>The weekly nudge and its private results as the bot renders them (for golden files and SDK checks).</summary>
internal static class NudgeSamples
{
    public static IReadOnlyList<(string Name, JsonObject Card)> Cards(UiContent content, Learning.Catalog.Course course, string language)
    {
        var cards = new NudgeCards(course, new CardRenderer(content), content);
        var team = new TeamRecord
        {
            TenantId = "t", TeamId = "19:a@thread.tacv2", Name = "Guichet Namur", ServiceUrl = "https://smba.example/teams",
            ChannelId = "19:a@thread.tacv2", BotId = "28:00000000-0000-0000-0000-00000000b071", InstalledAt = DateTimeOffset.UnixEpoch,
        };
        var progress = new TeamProgress { Members = 12, Learners = 8, Started = 7, PassedPerModule = [], Badges = 1, Rows = [] };
        var module = course.Modules[0];
        var question = module.Questions[0];
        var wrong = question.Choices.First(c => c != question.Correct);
        return
        [
            ("nudge", cards.Nudge(team, progress, module, question, language)),
            ("nudge-result-right", cards.Result(module, question, question.Correct, language, team.BotId)),
            ("nudge-result-wrong", cards.Result(module, question, wrong, language, team.BotId)),
            ("review", cards.Review(module, question, language, "learner")),
            ("review-result", cards.Result(module, question, question.Correct, language, null, review: true)),
        ];
    }
}
