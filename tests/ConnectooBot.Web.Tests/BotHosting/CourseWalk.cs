using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Storage.Content;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.BotHosting;

/// <summary>
/// A learner's quickest way through the course in a <see cref="PersonalChat"/>: each module opened from the map, its
/// quiz started at once and every answer right. Stops before the click that completes the course, so a test can
/// deliver that one itself (once, twice, with storage failing…).
/// </summary>
internal sealed class CourseWalk(BotHost bot, PersonalChat chat, string language)
{
    private Learning.Catalog.Course Course => bot.Services.GetRequiredService<Learning.Catalog.Course>();

    private UiContent Ui => bot.Services.GetRequiredService<UiContent>();

    /// <summary>Passes every module, the last one up to its last answer; returns its "See my result" click, not sent.</summary>
    public async Task<Activity> UpToTheLastResultAsync()
    {
        foreach (var module in Course.Modules)
        {
            await Execute("module.open", module.Id);
            await Execute("quiz.start", module.Id);
            for (var i = 0; i < Course.QuestionsPerAttempt; i++)
            {
                await AnswerRightAsync();
                var last = i == Course.QuestionsPerAttempt - 1;
                if (last && module == Course.Modules[^1])
                {
                    var card = chat.Card!;
                    var result = card.Button(Ui.Text(language, "feedback.result"));
                    return bot.Activities.Execute(chat.User, chat.ConversationId, card.MessageId ?? "unknown", result["verb"]!.GetValue<string>(), result["data"]!.AsObject().DeepClone().AsObject());
                }

                await chat.ClickAsync(Ui.Text(language, last ? "feedback.result" : "feedback.next"));
            }
        }

        throw new InvalidOperationException("The course has no module.");
    }

    /// <summary>Opens a module from the map (its first lesson step).</summary>
    public Task OpenAsync(string moduleId) => Execute("module.open", moduleId);

    /// <summary>Starts the module's quiz, answers every question right and asks for the result: the module is passed.</summary>
    public async Task PassQuizAsync(string moduleId)
    {
        await Execute("quiz.start", moduleId);
        for (var i = 0; i < Course.QuestionsPerAttempt; i++)
        {
            await AnswerRightAsync();
            await chat.ClickAsync(Ui.Text(language, i == Course.QuestionsPerAttempt - 1 ? "feedback.result" : "feedback.next"));
        }
    }

    private Task<BotReply> Execute(string verb, string moduleId) =>
        chat.PostAsync(bot.Activities.Execute(chat.User, chat.ConversationId, chat.Card?.MessageId ?? "unknown", verb, new JsonObject { ["m"] = moduleId }));

    private async Task AnswerRightAsync()
    {
        var submit = chat.Card!.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        var question = Course.FindModule(submit["data"]!["m"]!.GetValue<string>())!.FindQuestion(submit["data"]!["q"]!.GetValue<string>())!;
        await chat.ClickAsync(submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = question.Correct });
    }
}
