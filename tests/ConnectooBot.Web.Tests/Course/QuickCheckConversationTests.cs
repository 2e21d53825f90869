using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;
using ConnectooBot.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Course;

/// <summary>In-lesson quick checks and the final case, as a learner meets them in the chat.</summary>
public sealed class QuickCheckConversationTests() : BotTest()
{
    [Theory]
    [InlineData("fr-BE", "Commencer", "Suivant", "❌ Pas tout à fait", "✅ Exact")]
    [InlineData("nl-BE", "Beginnen", "Volgende", "❌ Niet helemaal", "✅ Juist")]
    [InlineData("de-BE", "Starten", "Weiter", "❌ Nicht ganz", "✅ Richtig")]
    [InlineData("en-US", "Start", "Next", "❌ Not quite", "✅ Right")]
    public async Task AQuickCheck_IsExplained_NotScored_AndNextGoesOn(string locale, string start, string next, string wrongVerdict, string rightVerdict)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        var language = locale[..2];
        var (module, stepIndex, question) = await ToTheFirstQuickCheckAsync(chat, start, next);

        Assert.True(chat.Card!.Mentions(module.Texts[language].Questions[question.Id].Prompt.Trim()), "the step shows its quick check");

        var wrongChoice = question.Choices.First(c => c != question.Correct);
        var wrong = await chat.ClickAsync(chat.Card!, chat.Card!.Buttons.Single(b => b["data"]?["qc"]?.GetValue<string>() == wrongChoice)); // one tap
        Assert.Equal(wrongVerdict, wrong.Card.Texts[1]);
        Assert.True(wrong.Card.Mentions(module.Texts[language].Questions[question.Id].Choices[question.Correct].Why), "the right answer is explained");

        var stepAfter = await chat.ClickAsync(next);
        Assert.Equal(module.Texts[language].Steps[module.Steps[stepIndex + 1].Id].Title, stepAfter.Card.Texts[1]);

        // Back on the step with the check, the right answer is confirmed; nothing is ever scored.
        var right = await chat.ClickAsync(stepAfter.Card, stepAfter.Card.Buttons[0]["title"]!.GetValue<string>());
        var confirmed = await chat.ClickAsync(right.Card, right.Card.Buttons.Single(b => b["data"]?["qc"]?.GetValue<string>() == question.Correct));
        Assert.Equal(rightVerdict, confirmed.Card.Texts[1]);
        Assert.Empty(Learner(chat).Progress.Module(module.Id).Attempts);
    }

    /// <summary>
    /// The explanation replaced the step in place, so a learner who answered wrong could not read the step again: it
    /// only offered Next and the course map (found by a walk).
    /// </summary>
    [Theory]
    [InlineData("fr-BE", "Commencer", "Suivant", "Revoir l'étape")]
    [InlineData("en-US", "Start", "Next", "See the step again")]
    public async Task AfterAQuickCheckAnswer_TheStepCanBeReadAgain_InPlace_AndNothingMoves(string locale, string start, string next, string again)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Anne", locale));
        var language = locale[..2];
        var (module, stepIndex, question) = await ToTheFirstQuickCheckAsync(chat, start, next);

        var wrong = await chat.ClickAsync(chat.Card!, chat.Card!.Buttons.Single(b => b["data"]?["qc"]?.GetValue<string>() == question.Choices.First(c => c != question.Correct)));
        var before = Learner(chat).Progress;
        var step = await chat.ClickAsync(wrong.Card, again);

        Assert.Equal(module.Texts[language].Steps[module.Steps[stepIndex].Id].Title, step.Card.Texts[1]);
        Assert.Equivalent(before, Learner(chat).Progress);
        var onwards = await chat.ClickAsync(step.Card, next);
        Assert.Equal(module.Texts[language].Steps[module.Steps[stepIndex + 1].Id].Title, onwards.Card.Texts[1]);
    }

    /// <summary>Installs, starts, and clicks Next up to module 1's first step with a quick check.</summary>
    private async Task<(Learning.Catalog.Module Module, int StepIndex, Learning.Catalog.Question Question)> ToTheFirstQuickCheckAsync(PersonalChat chat, string start, string next)
    {
        await chat.InstallAsync();
        var module = Course.Modules[0];
        var stepIndex = module.Steps.ToList().FindIndex(s => s.QuickCheckId is not null);
        await chat.ClickAsync(start);
        for (var i = 0; i < stepIndex; i++)
        {
            await chat.ClickAsync(next);
        }

        return (module, stepIndex, module.FindQuestion(module.Steps[stepIndex].QuickCheckId!)!);
    }

    [Fact]
    public async Task TheCourseMap_OffersTheFinalCase_WhichOpensLikeAModule()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Claire", "fr-BE"));
        await chat.InstallAsync();
        var finalCase = Course.FinalCase!;

        var map = await chat.SendAsync("modules");

        Assert.True(map.Card.Mentions(finalCase.Texts["fr"].Title + " (environ"), "the map lists the final case, once named");
        var open = map.Card.Buttons.Single(b => b["verb"]?.GetValue<string>() == "module.open" && b["data"]?["m"]?.GetValue<string>() == finalCase.Id);
        var lesson = await chat.ClickAsync(map.Card, open);
        Assert.Equal(finalCase.Texts["fr"].Title, lesson.Card.Texts[0]);
        Assert.Equal(finalCase.Texts["fr"].Steps[finalCase.Steps[0].Id].Title, lesson.Card.Texts[1]);
    }
}
