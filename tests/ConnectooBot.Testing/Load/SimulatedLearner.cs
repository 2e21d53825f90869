using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;

namespace ConnectooBot.Testing.Load;

/// <summary>
/// A learner going through the course over HTTP as Teams would deliver it: installs the bot, clicks Start, then clicks
/// through lessons and quizzes (Action.Execute invokes; an answer card comes back in the invoke response, or, when a
/// click opens a module in a new message, the card is read from the <paramref name="connector"/>). With the
/// course's answer key it answers right 9 times in 10 (most quizzes pass, some are retried), without it at random.
/// When the card in front of it has no course button left (course completed), it starts over as a new learner (a new
/// first contact). Optionally records every body it sent, so another bot can be given exactly the same load.
/// </summary>
public sealed class SimulatedLearner(ActivityFactory activities, int seed, Course? answerKey = null, bool record = false, RecordingConnector? connector = null) : ITurnSource
{
    private static readonly string[] Locales = ["fr-BE", "nl-BE", "de-BE", "en-US"];
    private readonly Random _random = new(seed);
    private readonly List<string> _recorded = [];
    private TeamsUser _user = NewUser(seed, 0);
    private string _conversationId = NewConversation();
    private JsonObject? _card;
    private string? _module;
    private int _generation;
    private bool _installed;

    /// <summary>The bodies sent so far (when recording).</summary>
    public IReadOnlyList<string> Recorded => _recorded;

    /// <summary>Learners this simulated user has been so far (1 + restarts after completing the course).</summary>
    public int Identities => _generation + 1;

    /// <summary>Who is learning now (a new identity after each completed course).</summary>
    public TeamsUser User => _user;

    public async Task<TurnOutcome> NextTurnAsync(HttpClient bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        if (!_installed)
        {
            _installed = true;
            var install = await PostAsync(bot, activities.PersonalInstall(_user, _conversationId), cancellationToken);
            return new TurnOutcome(install.Status, install.Status == 200, "install");
        }

        var (verb, data) = NextAction();
        if (verb is null)
        {
            // Nothing left to click: the course is done. Start over as somebody new.
            _generation++;
            _user = NewUser(seed, _generation);
            _conversationId = NewConversation();
            _card = null;
            _module = null;
            _installed = false;
            return await NextTurnAsync(bot, cancellationToken);
        }

        var response = await PostAsync(bot, activities.Execute(_user, _conversationId, "1:" + _conversationId, verb, data!), cancellationToken);
        _card = CardOf(response.Body) ?? (IsMessage(response.Body) ? connector?.LastCardIn(_conversationId) : null);
        if (data!["m"]?.GetValue<string>() is { } module)
        {
            _module = module;
        }

        return new TurnOutcome(response.Status, response.Status == 200 && _card is not null, verb);
    }

    /// <summary>The button a learner on their way through the course clicks next, or null when there is none.</summary>
    private (string? Verb, JsonObject? Data) NextAction()
    {
        if (_card is null)
        {
            return ("course.start", []);
        }

        var view = new CardView(_card);
        var buttons = view.Buttons.Where(b => b["type"]?.GetValue<string>() == "Action.Execute").ToList();
        if (Find("quiz.answer") is { } answer)
        {
            var data = Data(answer);
            var choices = view.Choices;
            var right = answerKey?.FindModule(data["m"]?.GetValue<string>() ?? "")?.FindQuestion(data["q"]?.GetValue<string>() ?? "")?.Correct;
            data["choice"] = right is not null && _random.NextDouble() < 0.9 ? right
                : choices.Count > 0 ? choices[_random.Next(choices.Count)] : "?";
            return ("quiz.answer", data);
        }

        if (Find("quiz.next") is { } next)
        {
            return ("quiz.next", Data(next));
        }

        if (buttons.FirstOrDefault(b => Verb(b) == "lesson.go" && Number(b, "to") > Number(b, "from")) is { } forward)
        {
            return ("lesson.go", Data(forward));
        }

        if (buttons.FirstOrDefault(b => Verb(b) == "module.open" && Data(b)["m"]?.GetValue<string>() != _module) is { } nextModule)
        {
            return ("module.open", Data(nextModule));
        }

        if (Find("quiz.start") is { } quiz)
        {
            return ("quiz.start", Data(quiz));
        }

        return Find("course.continue") is { } resume ? ("course.continue", Data(resume)) : (null, null);

        JsonObject? Find(string verb) => buttons.FirstOrDefault(b => Verb(b) == verb);
    }

    private async Task<(int Status, JsonNode? Body)> PostAsync(HttpClient bot, Activity activity, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);
        if (record)
        {
            _recorded.Add(body);
        }

        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await bot.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) : null);
    }

    private static bool IsMessage(JsonNode? body) => body?["type"]?.GetValue<string>() == ContentTypes.ActivityMessage;

    private static JsonObject? CardOf(JsonNode? body) =>
        body?["type"]?.GetValue<string>() == ContentTypes.AdaptiveCard ? body["value"] as JsonObject : null;

    private static string? Verb(JsonObject button) => button["verb"]?.GetValue<string>();

    private static JsonObject Data(JsonObject button) => (button["data"] as JsonObject ?? []).DeepClone().AsObject();

    private static int Number(JsonObject button, string name) =>
        int.TryParse(button["data"]?[name]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static TeamsUser NewUser(int seed, int generation)
    {
        var user = TeamsUser.Create(string.Create(CultureInfo.InvariantCulture, $"Learner {seed}.{generation}"));
        return user with { Locale = Locales[(seed + generation) % Locales.Length] };
    }

    private static string NewConversation() => "a:" + Guid.NewGuid().ToString("N");
}
