using System.Globalization;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Learning.Teams;
using Values = System.Collections.Generic.Dictionary<string, System.Text.Json.Nodes.JsonNode?>;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Nudges;

/// <summary>The weekly channel nudge (team progress, question of the week, link to the personal chat) and its private result.</summary>
public sealed class NudgeCards(Learning.Catalog.Course course, CardRenderer renderer, UiContent content)
{
    public JsonObject Nudge(TeamRecord team, TeamProgress progress, Module module, Question question, string language)
    {
        var text = module.Texts[language].Questions[question.Id];
        var random = new Random(QuestionDraw.Seed(team.TeamId, question.Id));
        var choices = new JsonArray();
        foreach (var choice in question.Choices.OrderBy(_ => random.Next()))
        {
            choices.Add(renderer.Render("parts/choice", language, new Values { ["text"] = text.Choices[choice].Text, ["id"] = choice }));
        }

        return renderer.Render("nudge", language, new Values
        {
            ["progress"] = progress.AggregateWithheld ? null : content.Format(language, "progress.started", ("started", progress.Started), ("members", progress.Members)),
            ["moduleLabel"] = content.Format(language, "module.label", ("number", module.Number), ("total", course.Modules.Count), ("title", module.Texts[language].Title)),
            ["prompt"] = text.Prompt,
            ["choices"] = choices,
            ["moduleId"] = module.Id,
            ["questionId"] = question.Id,
            ["chatUrl"] = ChatUrl(team.BotId),
        });
    }

    public JsonObject Result(Module module, Question question, string choiceId, string language, string? botId, bool review = false)
    {
        var text = module.Texts[language].Questions[question.Id];
        var correct = choiceId == question.Correct;
        return renderer.Render("nudge-result", language, new Values
        {
            ["heading"] = review ? content.Format(language, "review.title", ("module", module.Texts[language].Title)) : content.Text(language, "nudge.title"),
            ["verdict"] = content.Text(language, correct ? "feedback.correct" : "feedback.wrong"),
            ["prompt"] = text.Prompt,
            ["chosenText"] = text.Choices[choiceId].Text,
            ["chosenWhy"] = text.Choices[choiceId].Why,
            ["wrong"] = !correct,
            ["correctText"] = text.Choices[question.Correct].Text,
            ["correctWhy"] = text.Choices[question.Correct].Why,
            ["chatUrl"] = ChatUrl(botId),
        });
    }

    /// <summary>A spaced-review question for the learner's personal chat.</summary>
    public JsonObject Review(Module module, Question question, string language, string seed)
    {
        var text = module.Texts[language].Questions[question.Id];
        var random = new Random(QuestionDraw.Seed(seed, question.Id));
        var choices = new JsonArray();
        foreach (var choice in question.Choices.OrderBy(_ => random.Next()))
        {
            choices.Add(renderer.Render("parts/choice", language, new Values { ["text"] = text.Choices[choice].Text, ["id"] = choice }));
        }

        return renderer.Render("review", language, new Values
        {
            ["heading"] = content.Format(language, "review.title", ("module", module.Texts[language].Title)),
            ["prompt"] = text.Prompt,
            ["choices"] = choices,
            ["moduleId"] = module.Id,
            ["questionId"] = question.Id,
        });
    }

    /// <summary>Teams' deep link that opens the personal chat with the bot.</summary>
    private static string? ChatUrl(string? botId) =>
        botId is null ? null : string.Create(CultureInfo.InvariantCulture, $"https://teams.microsoft.com/l/chat/0/0?users={Uri.EscapeDataString(botId)}");
}
