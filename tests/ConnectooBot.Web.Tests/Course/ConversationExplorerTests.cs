using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;
using ConnectooBot.Web.Tests.Hosting;
using ConnectooBot.Web.Tests.Managers;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConnectooBot.Web.Tests.Course;

/// <summary>
/// Model-based exploration of the conversation (issue 14): learners in four languages start from a fresh install and
/// click what the cards in front of them offer, chosen at random but seeded — lesson steps forward and back, quick
/// checks, every module and the final case, quiz answers right and wrong (so quizzes are passed and failed), language
/// switches, buttons of older cards, typed "continue" in their language — and in a team channel every command word
/// and every button it offers. After every turn it checks the rules of a conversation without dead ends:
/// <list type="bullet">
/// <item>every answer is 200, and every invoke is answered (a card or a message, never 501);</item>
/// <item>every verb a card offers has a route;</item>
/// <item>no course card whose only way on is the course map;</item>
/// <item>a forward click never shows the same card again;</item>
/// <item>typed "continue", from wherever the learner is, moves forward: never the "older card" notice.</item>
/// </list>
/// At the end it checks what was covered: every course verb clicked, quizzes passed and failed, every module opened.
/// </summary>
public sealed class ConversationExplorerTests(ITestOutputHelper output) : BotTest()
{
    private const int Learners = 12;
    private const int TurnsPerLearner = 260;

    private static readonly string[] Locales = ["fr-BE", "nl-BE", "de-BE", "en-US"];
    private static readonly string[] Subjects = ["itsme ?", "c'est quoi CSAM", "wat is een volmacht?", "MyPension", "Tax-on-web?", "eBox"];

    private static readonly HashSet<string> ForwardVerbs = ["lesson.go", "quiz.next", "course.continue", "quiz.answer", "lesson.check", "quiz.start", "module.open", "lesson.open", "course.start"];
    private static readonly HashSet<string> CourseVerbs = ["course.start", "course.continue", "course.map", "module.open", "lesson.go", "lesson.check", "lesson.open", "lesson.view", "quiz.start", "quiz.answer", "quiz.next", "language.set"];

    private readonly List<string> _violations = [];
    private readonly Dictionary<string, int> _clicked = new(StringComparer.Ordinal);
    private readonly List<PersonalChat> _chats = [];

    private RouteTable Routes => Bot.Services.GetRequiredService<RouteTable>();

    private UiContent Content => Bot.Services.GetRequiredService<UiContent>();

    [Fact]
    public async Task EveryStateALearnerCanReach_HasAWayForward_AndEveryOfferedActionIsAnswered()
    {
        for (var learner = 0; learner < Learners; learner++)
        {
            await ExploreAsync(learner);
        }

        await ExploreChannelAsync();

        var attempts = new List<Learning.Progress.QuizAttempt>();
        var opened = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chat in _chats)
        {
            var learner = (await Bot.Services.GetRequiredService<Learning.Ports.ILearnerStore>().FindAsync(new(Bot.Activities.TenantId, chat.User.AadObjectId), CancellationToken.None))!.Value;
            attempts.AddRange(learner.Progress.Modules.Values.SelectMany(m => m.Attempts).Where(a => a.FinishedAt is not null));
            opened.UnionWith(learner.Progress.Modules.Values.Where(m => m.FurthestStep >= 0 || m.Attempts.Count > 0).Select(m => m.ModuleId));
        }

        var (passed, failed) = (attempts.Count(a => a.Passed), attempts.Count(a => !a.Passed));
        output.WriteLine($"Clicked: {string.Join(", ", _clicked.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))}; quizzes passed {passed}, failed {failed}; modules opened {opened.Count}; violations {_violations.Count}.");
        foreach (var violation in _violations.Distinct().Take(40))
        {
            output.WriteLine("VIOLATION " + violation);
        }

        Assert.Empty(_violations.Distinct().Take(20));
        var notClicked = CourseVerbs.Except(_clicked.Keys).ToList();
        Assert.Empty(notClicked);
        Assert.True(passed > 0 && failed > 0, $"quizzes passed {passed}, failed {failed}");
        var neverOpened = Course.Modules.Select(m => m.Id).Append(Course.FinalCase!.Id).Except(opened).ToList();
        Assert.Empty(neverOpened);
    }

    private async Task ExploreAsync(int index)
    {
        var random = new Random(index);
        var locale = Locales[index % Locales.Length];
        var chat = Bot.PersonalChat(TeamsUser.Create($"Explorer {index}", locale));
        _chats.Add(chat);
        var language = locale[..2];
        var old = new List<CardView>();
        Check(await chat.InstallAsync(), "install", language);
        for (var turn = 0; turn < TurnsPerLearner && chat.Card is { } card; turn++)
        {
            old.Add(card);
            var roll = random.NextDouble();
            if (roll < 0.08)
            {
                var reply = await chat.SendAsync(Content.CommandWord(language, "continue"));
                Check(reply, "typed continue", language);
                if (IsStaleNotice(chat.Card))
                {
                    _violations.Add($"{language}: typed continue after '{card.Title}' answered with the older-card notice");
                }

                continue;
            }

            if (roll < 0.12 && old.Count > 3)
            {
                var older = old[random.Next(old.Count - 1)];
                if (Offered(older).Count > 0)
                {
                    var button = Offered(older)[random.Next(Offered(older).Count)];
                    Check(await chat.ClickAsync(older, button), "stale " + Verb(button), language);
                    continue;
                }
            }

            if (roll < 0.14)
            {
                language = Locales[random.Next(Locales.Length)][..2];
                Check(await chat.SendAsync(Content.Text(language, "language.name")), "typed language name", language);
                continue;
            }

            if (roll < 0.17)
            {
                // A question about a subject of the course: a pointer whose button opens the step that teaches it.
                Check(await chat.SendAsync(Subjects[random.Next(Subjects.Length)]), "typed a subject", language);
                continue;
            }

            var offered = Offered(card);
            var courseButtons = offered.Where(b => Verb(b) is not ("help.show" or "reminders.snooze" or "reminders.off" or "data.delete" or "data.keep")).ToList();
            if (IsCourseCard(card) && courseButtons.Count > 0 && courseButtons.All(b => Verb(b) == "course.map"))
            {
                _violations.Add($"{language}: the card '{card.Title}' only offers the course map");
            }

            if (courseButtons.Count == 0)
            {
                Check(await chat.SendAsync(Content.CommandWord(language, "continue")), "typed continue (no button)", language);
                continue;
            }

            var choice = Choose(courseButtons, random);
            var verb = Verb(choice);
            _clicked[verb] = _clicked.GetValueOrDefault(verb) + 1;
            var before = card.Json.ToJsonString();
            var answer = await chat.ClickAsync(card, choice);
            Check(answer, verb, language);
            if (verb is "language.set")
            {
                language = choice["data"]?["lang"]?.GetValue<string>() ?? language;
            }

            if (ForwardVerbs.Contains(verb) && IsForward(choice) && chat.Card?.Json.ToJsonString() == before)
            {
                _violations.Add($"{language}: '{verb}' on '{card.Title}' showed the same card again");
            }

        }
    }

    private async Task ExploreChannelAsync()
    {
        var members = Locales.Select((l, i) => TeamsUser.Create($"Member {i}", l)).ToArray();
        var channel = new TeamChannel(Bot, members);
        var cards = new List<CardView> { await channel.InstallAsync() };
        foreach (var member in members)
        {
            var language = member.Locale[..2];
            foreach (var command in Content.Commands.Keys)
            {
                cards.AddRange(await channel.SayAsync(member, Content.CommandWord(language, command)));
            }
        }

        foreach (var card in cards.DistinctBy(c => c.Json.ToJsonString()).ToList())
        {
            foreach (var button in Offered(card).Where(b => Verb(b) is not ("nudges.set" or "data.delete")))
            {
                var activity = Bot.Activities.ChannelExecute(members[0], TeamChannel.TeamId, TeamChannel.TeamId, "1", Verb(button), (button["data"] as JsonObject ?? []).DeepClone().AsObject());
                using var response = await Bot.PostAsync(activity);
                var body = await response.Content.ReadAsStringAsync();
                var status = body.Length > 0 ? JsonNode.Parse(body)?["statusCode"]?.GetValue<int>() : null;
                if (response.StatusCode != HttpStatusCode.OK || status is not 200)
                {
                    _violations.Add($"channel: '{Verb(button)}' on '{card.Title}' answered {(int)response.StatusCode}/{status?.ToString() ?? "no invoke response"}");
                }

                _clicked["channel " + Verb(button)] = _clicked.GetValueOrDefault("channel " + Verb(button)) + 1;
            }
        }
    }

    private void Check(BotReply reply, string what, string language)
    {
        if (reply.Status != HttpStatusCode.OK)
        {
            _violations.Add($"{language}: {what} answered HTTP {(int)reply.Status}");
        }

        if (reply.Body?["statusCode"]?.GetValue<int>() is { } status && status != 200)
        {
            _violations.Add($"{language}: {what} answered the invoke with {status}");
        }

        var offered = reply.InvokeCard is { } invoke ? Offered(new CardView(invoke))
            : reply.Sent.SelectMany(s => s.Activity.Attachments ?? []).Select(a => a.Content).OfType<JsonObject>().SelectMany(c => Offered(new CardView(c))).ToList();
        _violations.AddRange(offered.Select(Verb).Where(v => !Routes.Verbs.Contains(v)).Select(v => $"{language}: {what} offered '{v}', which has no route"));
    }

    /// <summary>Most clicks go forward (so learners get through modules); the rest are any offered button.</summary>
    private JsonObject Choose(List<JsonObject> buttons, Random random)
    {
        var forward = buttons.Where(b => IsForward(b) && Verb(b) is not "quiz.answer").ToList();
        var answers = buttons.Where(b => Verb(b) is "quiz.answer" || (Verb(b) is "lesson.check" && b["data"]?["qc"] is not null)).ToList();
        if (answers.Count > 0 && random.NextDouble() < 0.9)
        {
            var right = answers.Where(IsRightAnswer).ToList();
            return right.Count > 0 && random.NextDouble() < 0.85 ? right[0] : answers[random.Next(answers.Count)];
        }

        return forward.Count > 0 && random.NextDouble() < 0.75 ? forward[random.Next(forward.Count)] : buttons[random.Next(buttons.Count)];
    }

    private bool IsRightAnswer(JsonObject button)
    {
        var data = button["data"];
        var module = Course.FindModule(data?["m"]?.GetValue<string>() ?? string.Empty);
        var question = module?.FindQuestion(data?["q"]?.GetValue<string>() ?? string.Empty);
        return question is not null && (data?["choice"] ?? data?["qc"])?.GetValue<string>() == question.Correct;
    }

    private static bool IsForward(JsonObject button) => Verb(button) switch
    {
        "lesson.go" => Number(button, "to") > Number(button, "from"),
        "lesson.check" => button["data"]?["qc"] is not null, // without a choice: the step again
        _ => true,
    };

    private static bool IsCourseCard(CardView card) => card.Buttons.Any(b => Verb(b) is "lesson.go" or "quiz.answer" or "quiz.next" or "quiz.start" or "lesson.check");

    private bool IsStaleNotice(CardView? card) =>
        card is not null && Content.Texts.Values.Any(texts => texts.TryGetValue("stale.where", out var where) && card.Texts.Contains(where));

    private static List<JsonObject> Offered(CardView card) =>
        [.. card.Buttons.Where(b => b["type"]?.GetValue<string>() == "Action.Execute" && b["verb"] is not null)];

    private static string Verb(JsonObject button) => button["verb"]!.GetValue<string>();

    private static int Number(JsonObject button, string name) =>
        button["data"]?[name] is JsonValue value && (value.TryGetValue<int>(out var n) || (value.TryGetValue<string>(out var s) && int.TryParse(s, out n))) ? n : 0;
}
