using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;
using ConnectooBot.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Web.Tests.Language;

/// <summary>Choosing a language, as chats: by name, by button, after a bad button, and in a team channel.</summary>
public sealed class LanguageConversationTests() : BotTest()
{
    private const int LanguageChoiceRejected = 3800;

    [Theory]
    [InlineData("en-US", "français", "fr", "Désormais, je vous écris en français.")]
    [InlineData("en-US", "Francais", "fr", "Désormais, je vous écris en français.")]
    [InlineData("nl-BE", "Frans", "fr", "Désormais, je vous écris en français.")]
    [InlineData("fr-BE", "Nederlands", "nl", "Vanaf nu schrijf ik je in het Nederlands.")]
    [InlineData("fr-BE", "néerlandais", "nl", "Vanaf nu schrijf ik je in het Nederlands.")]
    [InlineData("en-US", "Deutsch", "de", "Ab jetzt schreibe ich Ihnen auf Deutsch.")]
    [InlineData("fr-BE", "allemand", "de", "Ab jetzt schreibe ich Ihnen auf Deutsch.")]
    [InlineData("de-BE", "English", "en", "From now on I will write to you in English.")]
    [InlineData("fr-BE", "anglais", "en", "From now on I will write to you in English.")]
    [InlineData("nl-BE", "Engels", "en", "From now on I will write to you in English.")]
    [InlineData("de-BE", "Englisch!", "en", "From now on I will write to you in English.")]
    [InlineData("fr-BE", "langue néerlandais", "nl", "Vanaf nu schrijf ik je in het Nederlands.")]
    [InlineData("nl-BE", "taal Duits", "de", "Ab jetzt schreibe ich Ihnen auf Deutsch.")]
    [InlineData("de-BE", "Sprache fr", "fr", "Désormais, je vous écris en français.")]
    public async Task TypedLanguageName_SwitchesTheLanguage(string locale, string typed, string language, string confirmation)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lou", locale));
        await chat.InstallAsync();

        var reply = await chat.SendAsync(typed);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(ActivityOperation.Send, Assert.Single(reply.Sent).Operation);
        Assert.True(reply.Card.Mentions(confirmation), string.Join(" | ", reply.Card.Texts));
        Assert.Equal(language, Learner(chat).Language);
        Assert.True(Learner(chat).LanguageChosen);
    }

    [Fact]
    public async Task TypedLanguage_ShowsTheChoice_WithoutChangingAnything()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Lou", "nl-BE"));

        var reply = await chat.SendAsync("taal");

        Assert.Equal("Kies je taal", reply.Card.Title);
        Assert.Equal(["Français", "Nederlands", "Deutsch", "English"], ButtonTitles(reply.Card));
        Assert.False(Learner(chat).LanguageChosen);
    }

    [Theory]
    [InlineData("fr-BE", "Nederlands", "Vanaf nu schrijf ik je in het Nederlands.", "Beginnen")]
    [InlineData("nl-BE", "Deutsch", "Ab jetzt schreibe ich Ihnen auf Deutsch.", "Starten")]
    [InlineData("de-BE", "English", "From now on I will write to you in English.", "Start")]
    [InlineData("en-US", "Français", "Désormais, je vous écris en français.", "Commencer")]
    public async Task Newcomer_AfterAClickOnTheChoice_IsOfferedStart(string locale, string button, string confirmation, string start)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Noa", locale));
        await chat.SendAsync(Words(locale));

        var reply = await chat.ClickAsync(button);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(reply.Sent);
        Assert.Equal(confirmation, reply.Card.Title);
        Assert.Equal(start, Primary(reply.Card));
        var first = await chat.ClickAsync(start);
        Assert.Equal(Course.Modules[0].Texts[Learner(chat).Language].Steps[Course.Modules[0].Steps[0].Id].Title, first.Card.Texts[1]);
    }

    [Theory]
    [InlineData("en-US", "Nederlands", "nl", "Verdergaan")]
    [InlineData("fr-BE", "Deutsch", "de", "Weiter")]
    [InlineData("nl-BE", "anglais", "en", "Continue")]
    [InlineData("de-BE", "français", "fr", "Continuer")]
    public async Task LearnerWithAPosition_AfterASwitch_IsOfferedContinue_WhichResumesInTheNewLanguage(string locale, string typed, string language, string next)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Sam", locale));
        await chat.InstallAsync();
        await chat.ClickAsync(Primary(chat.Card!));
        await chat.ClickAsync(NextLabel(locale));

        var switched = await chat.SendAsync(typed);
        var resumed = await chat.ClickAsync(next);

        Assert.Equal(next, Primary(switched.Card));
        Assert.DoesNotContain(switched.Card.Buttons, b => b["verb"]?.GetValue<string>() == "course.start");
        var first = Course.Modules[0];
        Assert.Equal(first.Texts[language].Steps[first.Steps[1].Id].Title, resumed.Card.Texts[1]);
    }

    [Fact]
    public async Task ChoiceViaSubmitFallback_UpdatesTheClickedCard()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Marie", "fr-BE"));
        await chat.SendAsync("langue");

        var reply = await chat.ClickAsync("Deutsch", viaSubmit: true);

        var update = Assert.Single(reply.Sent);
        Assert.Equal(ActivityOperation.Update, update.Operation);
        Assert.Equal("Ab jetzt schreibe ich Ihnen auf Deutsch.", reply.Card.Title);
    }

    public static TheoryData<string, string, JsonNode?> BadChoices() => new()
    {
        { "fr-BE", "missing", null },
        { "nl-BE", "unknown", "xx" },
        { "de-BE", "unknown", 42 },
        { "en-US", "unknown", new string('e', 500) },
        { "fr-BE", "unknown", new JsonObject { ["lang"] = "fr" } },
    };

    [Theory]
    [MemberData(nameof(BadChoices))]
    public async Task LanguageButton_WithBadData_Answers200WithTheChoiceAgain_AndLogsAWarning(string locale, string problem, JsonNode? lang)
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Eve", locale));
        await chat.SendAsync(Words(locale));
        var shown = chat.Card!;
        var data = lang is null ? new JsonObject() : new JsonObject { ["lang"] = lang.DeepClone() };

        var reply = await chat.PostAsync(Bot.Activities.Execute(chat.User, chat.ConversationId, shown.MessageId!, "language.set", data));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(200, reply.Body!["statusCode"]!.GetValue<int>());
        Assert.NotNull(reply.InvokeCard);
        Assert.Empty(reply.Sent);
        Assert.Equal(shown.Title, reply.Card.Title);
        Assert.Equal(ButtonTitles(shown), ButtonTitles(reply.Card));
        Assert.Contains(reply.Card.Texts, t => t.StartsWith(Unknown(locale), StringComparison.Ordinal));
        var warning = Assert.Single(Bot.Logs.Lines, l => l.EventId == LanguageChoiceRejected);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(problem, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Eve", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.User.AadObjectId, warning.Message, StringComparison.Ordinal);
        if (lang is JsonValue value && value.TryGetValue<string>(out var text))
        {
            Assert.DoesNotContain(text, warning.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LanguageButton_WithBadData_ViaSubmit_ShowsTheChoiceAgainInPlace()
    {
        var chat = Bot.PersonalChat(TeamsUser.Create("Eve", "de-BE"));
        await chat.SendAsync("sprache");
        var shown = chat.Card!;

        var reply = await chat.PostAsync(Bot.Activities.Submit(chat.User, chat.ConversationId, shown.MessageId!, new JsonObject { ["verb"] = "language.set", ["lang"] = "klingon" }));

        Assert.Equal(ActivityOperation.Update, Assert.Single(reply.Sent).Operation);
        Assert.Contains(reply.Card.Texts, t => t.StartsWith(Unknown("de-BE"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr-BE", "langue", "Nederlands", "nl", "Genoteerd: vanaf nu schrijf ik je in het Nederlands.")]
    [InlineData("nl-BE", "taal", "Français", "fr", "C'est noté : désormais, je vous écris en français.")]
    [InlineData("de-BE", "sprache", "English", "en", "Done: from now on I will write to you in English.")]
    [InlineData("en-US", "language", "Deutsch", "de", "Erledigt: Ab jetzt schreibe ich Ihnen auf Deutsch.")]
    public async Task InAChannel_ALanguageClick_IsAnsweredInTheInvokeResponse_AndTheSharedCardStays(string locale, string typed, string button, string language, string confirmation)
    {
        var user = TeamsUser.Create("Jan", locale);
        using (await Bot.PostAsync(Bot.Activities.ChannelMention(user, Team, Channel, typed)))
        {
        }

        var posted = Assert.Single(Bot.Connector.Activities);
        var card = new CardView((JsonObject)posted.Activity.Attachments![0].Content!);
        var data = (JsonObject)card.Button(button)["data"]!.DeepClone();
        var (status, body) = await PostAsync(Bot.Activities.ChannelExecute(user, Team, Channel, posted.ActivityId!, "language.set", data));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.activity.message", body!["type"]!.GetValue<string>());
        Assert.StartsWith(Shown.In(language, confirmation), body["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(Bot.Connector.Activities);
        var stored = await Bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new(Bot.Activities.TenantId, user.AadObjectId), CancellationToken.None);
        Assert.Equal(language, stored!.Value.Language);
        Assert.True(stored.Value.LanguageChosen);
    }

    [Fact]
    public async Task InAChannel_ALanguageButtonWithBadData_GetsAPoliteMessage_AndAWarning()
    {
        var user = TeamsUser.Create("Jan", "nl-BE");

        var (status, body) = await PostAsync(Bot.Activities.ChannelExecute(user, Team, Channel, "1:card", "language.set", new JsonObject { ["lang"] = "" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith(Unknown("nl-BE"), body!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Bot.Connector.Activities);
        Assert.Equal(LogLevel.Warning, Assert.Single(Bot.Logs.Lines, l => l.EventId == LanguageChoiceRejected).Level);
    }

    [Fact]
    public async Task InAChannel_ATypedLanguageName_AnswersInTheThread()
    {
        var user = TeamsUser.Create("Lena", "de-BE");

        using var response = await Bot.PostAsync(Bot.Activities.ChannelMention(user, Team, Channel, "français"));

        var posted = Assert.Single(Bot.Connector.Activities);
        Assert.StartsWith("C'est noté", posted.Activity.Text, StringComparison.Ordinal);
    }

    private const string Team = "19:team@thread.tacv2";

    private const string Channel = "19:chan@thread.tacv2";

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(Protocol.Schema.Activity activity)
    {
        using var response = await Bot.PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body));
    }

    private static string[] ButtonTitles(CardView card) =>
        [.. card.Buttons.Where(b => b["verb"]?.GetValue<string>() == "language.set").Select(b => b["title"]!.GetValue<string>())];

    /// <summary>The card's own action (the next step), not one of the language buttons.</summary>
    private static string Primary(CardView card) =>
        Assert.Single(card.Json["actions"]!.AsArray())!["title"]!.GetValue<string>();

    private static string Words(string locale) => locale[..2] switch { "fr" => "langue", "nl" => "taal", "de" => "sprache", _ => "language" };

    private static string NextLabel(string locale) => locale[..2] switch { "fr" => "Suivant", "nl" => "Volgende", "de" => "Weiter", _ => "Next" };

    private static string Unknown(string locale) => locale[..2] switch
    {
        "fr" => "Désolé, je n'ai pas reconnu cette langue.",
        "nl" => "Sorry, die taal herken ik niet.",
        "de" => "Entschuldigung, diese Sprache habe ich nicht erkannt.",
        _ => "Sorry, I did not recognise that language.",
    };
}
