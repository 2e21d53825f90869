using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Conversations;

namespace ConnectooBot.Web.Tests.ScaleOut;

/// <summary>
/// A learner in their personal chat, talking to whichever instance Teams sends each activity to: the quickest way
/// through the course (each module opened, its quiz started at once, every answer right), stopping before the click
/// that completes it so that a test can deliver that one itself.
/// </summary>
internal sealed class HttpLearner(TwoInstances instances, string name, string locale = "en-US")
{
    public TeamsUser User { get; } = TeamsUser.Create(name, locale);

    public string ConversationId { get; } = "a:" + Guid.NewGuid().ToString("N");

    public LearnerKey Key => new(instances.Activities.TenantId, User.AadObjectId);

    public Activity Message(string text) => instances.Activities.PersonalMessage(User, ConversationId, text);

    /// <summary>Installs, passes every module, the last one up to its last answer; returns its "See my result" click, not sent.</summary>
    public async Task<Activity> UpToTheLastResultAsync(HttpClient host)
    {
        await PostAsync(host, instances.Activities.PersonalInstall(User, ConversationId));
        var course = instances.Course;
        foreach (var module in course.Modules)
        {
            await PostAsync(host, Click("module.open", new JsonObject { ["m"] = module.Id }));
            var card = await CardAsync(await PostAsync(host, Click("quiz.start", new JsonObject { ["m"] = module.Id })));
            for (var i = 0; i < course.QuestionsPerAttempt; i++)
            {
                var answer = Data(card, "quiz.answer");
                answer["choice"] = course.FindModule(answer["m"]!.GetValue<string>())!.FindQuestion(answer["q"]!.GetValue<string>())!.Correct;
                card = await CardAsync(await PostAsync(host, Click("quiz.answer", answer)));
                var next = Click("quiz.next", Data(card, "quiz.next"));
                if (i == course.QuestionsPerAttempt - 1 && module == course.Modules[^1])
                {
                    return next;
                }

                card = await CardAsync(await PostAsync(host, next));
            }
        }

        throw new InvalidOperationException("The course has no module.");
    }

    /// <summary>Posts an activity as Teams would (no token: authentication is off); the status and the invoke answer, if any.</summary>
    public static async Task<(int Status, JsonNode? Body)> PostAsync(HttpClient host, Activity activity)
    {
        using var content = new StringContent(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await host.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    /// <summary>
    /// Delivers an activity as Teams does when it gets no answer or a 5xx: again, a second later, until it is answered
    /// (or <paramref name="patience"/> runs out). The last status and invoke answer.
    /// </summary>
    public static async Task<(int Status, JsonNode? Body)> RedeliverAsync(HttpClient host, Activity activity, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var reply = await PostAsync(host, activity);
            if (reply.Status < 500 || DateTime.UtcNow >= deadline)
            {
                return reply;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private Activity Click(string verb, JsonObject data) =>
        instances.Activities.Execute(User, ConversationId, "1:" + ConversationId, verb, data);

    /// <summary>The card the click answered with: in place (the invoke answer), or as a new message in the chat.</summary>
    private async Task<JsonObject> CardAsync((int Status, JsonNode? Body) reply)
    {
        if (reply.Status != 200)
        {
            throw new InvalidOperationException($"The bot answered {reply.Status}.");
        }

        if (reply.Body?["type"]?.GetValue<string>() == ContentTypes.AdaptiveCard && reply.Body["value"] is JsonObject card)
        {
            return card;
        }

        await Task.Yield();
        return instances.Connector.LastCardIn(ConversationId) ?? throw new InvalidOperationException("No card in the chat.");
    }

    private static JsonObject Data(JsonObject card, string verb) =>
        (new CardView(card).Buttons.First(b => b["verb"]?.GetValue<string>() == verb)["data"] as JsonObject ?? []).DeepClone().AsObject();
}
