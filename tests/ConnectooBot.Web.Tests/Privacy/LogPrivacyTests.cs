using ConnectooBot.Learning.Catalog;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Privacy;

/// <summary>At Information and above, the logs never carry what people type, their names or their answers.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task AJourneyWithTeamsAndFailures_LogsNoNameNoTextNoAnswer_AtInformation()
    {
        await using var bot = await BotHost.StartAsync();
        var course = bot.Services.GetRequiredService<Learning.Catalog.Course>();
        var user = TeamsUser.Create("Quendolyn Zyxwarth", "fr-BE");
        var chat = bot.PersonalChat(user);

        await chat.InstallAsync();
        await chat.SendAsync("bonjour mot-de-passe-secret-4242");
        await chat.SendAsync("blablabla texte libre très personnel 7781");
        await chat.ClickAsync("Commencer");
        var module = course.Modules[0];
        await chat.PostAsync(bot.Activities.Execute(user, chat.ConversationId, chat.Card!.MessageId ?? "1", "quiz.start", new System.Text.Json.Nodes.JsonObject { ["m"] = module.Id }));
        var submit = chat.Card!.Buttons.First(b => b["verb"]?.GetValue<string>() == "quiz.answer");
        var question = module.FindQuestion(submit["data"]!["q"]!.GetValue<string>())!;
        await chat.ClickAsync(submit["title"]!.GetValue<string>(), new Dictionary<string, string> { ["choice"] = question.Correct });
        bot.Connector.SetTeam(new TeamDetails("19:t@thread.tacv2", "Équipe Zyxwarth", null));
        bot.Connector.SetRoster([new TeamsChannelAccount { Id = user.AccountId, AadObjectId = user.AadObjectId, Name = user.Name }], "19:t@thread.tacv2");
        using (await bot.PostAsync(bot.Activities.TeamInstall(user, "19:t@thread.tacv2", "19:t@thread.tacv2")))
        {
        }

        using (await bot.PostAsync(bot.Activities.ChannelMention(user, "19:t@thread.tacv2", "19:t@thread.tacv2", "progression")))
        {
        }

        bot.Connector.FailNext(3, 500);
        await chat.SendAsync("aide"); // a failed turn: the apology path logs an error
        await chat.SendAsync("mes données");

        var choiceText = module.Texts["fr"].Questions[question.Id].Choices[question.Correct].Text;
        string[] secrets = ["Quendolyn", "Zyxwarth", "mot-de-passe-secret-4242", "très personnel 7781", choiceText, user.AadObjectId];
        var visible = bot.Logs.Lines.Where(l => l.Level >= LogLevel.Information).ToList();
        Assert.NotEmpty(visible);
        Assert.Contains(visible, l => l.Level == LogLevel.Error); // the failure was logged…
        Assert.All(visible, line => Assert.DoesNotContain(secrets, s => (line.Message + line.Exception).Contains(s, StringComparison.OrdinalIgnoreCase)));
    }
}
