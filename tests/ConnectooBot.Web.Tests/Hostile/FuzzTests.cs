using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Hostile;

/// <summary>
/// 10,000 mutated Teams activities against the real host, with authentication off and on, and 5,000 on Azurite: no
/// crash, no unexpected status, no unhandled exception in the logs, a bystander's stored progress unchanged byte for
/// byte, and on Azurite not one request that storage refused (everything malformed is refused before storage).
/// </summary>
public sealed class FuzzTests
{
    private const int Mutants = 10_000;
    private static readonly HashSet<HttpStatusCode> Deliberate =
    [
        HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden,
        HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.NotImplemented,
    ];

    [Theory]
    [InlineData(false, 20261123, false, Mutants)]
    [InlineData(true, 20261124, false, Mutants)]
    [InlineData(false, 20261203, true, 5_000)]
    public async Task TenThousandMutatedActivities_AreRefusedOrHandled_AndHarmNobody(bool authenticated, int seed, bool azurite, int mutants)
    {
        await using var bot = await BotHost.StartAsync(authenticated, azurite);
        var bystander = await BystanderAsync(bot);
        var before = await SnapshotAsync(bot, bystander);
        var seeds = Seeds(bot);
        var mutator = new ActivityMutator(seed);
        var statuses = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < mutants; i++)
        {
            var body = mutator.Mutate(seeds[i % seeds.Count]);
            using var response = await bot.PostRawAsync(body, bot.TokenFor(bot.Connector.ServiceUrl));
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            Assert.True(Deliberate.Contains(response.StatusCode), $"mutant {i} got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        }

        var unexpected = bot.Logs.Lines
            .Where(l => l.Level >= LogLevel.Error && !IsDeliberateConnectorRefusal(l))
            .Select(l => $"{l.Category}: {l.Message} {l.Exception}")
            .ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n---\n", unexpected.Take(3)));
        Assert.Equal(before, await SnapshotAsync(bot, bystander));
        if (azurite)
        {
            // Before: 121 requests in 5,000 failed in Table Storage with 400 InvalidInput (over-long keys).
            var refused = bot.StorageRequests.Rejected();
            Assert.True(refused.Count == 0, "storage refused: " + string.Join(", ", refused.Select(r => $"{r.Key}: {r.Value}")));
        }

        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 500, string.Join(", ", statuses.Select(s => $"{(int)s.Key}: {s.Value}")));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) + statuses.GetValueOrDefault(HttpStatusCode.Unauthorized) > 500);
    }

    /// <summary>A mutated serviceUrl sends the reply to a host outside the allow-list: refused before any request, logged.</summary>
    private static bool IsDeliberateConnectorRefusal(CapturedLog line) =>
        line.Exception is { } exception && exception.StartsWith(typeof(ConnectorException).FullName!, StringComparison.Ordinal)
        && exception.Contains(nameof(ConnectorFailure.HostNotAllowed), StringComparison.Ordinal);

    private static List<JsonObject> Seeds(BotHost bot)
    {
        var user = TeamsUser.Create("Fuzz", "fr-BE");
        var activities = new[]
        {
            bot.Activities.PersonalMessage(user, "a:fuzz", "commencer"),
            bot.Activities.PersonalMessage(user, "a:fuzz", "continue"),
            bot.Activities.PersonalInstall(user, "a:fuzz"),
            bot.Activities.Execute(user, "a:fuzz", "1", "quiz.answer", new JsonObject { ["m"] = "digital-divide", ["a"] = 1, ["q"] = "x", ["choice"] = "a" }),
            bot.Activities.Execute(user, "a:fuzz", "1", "lesson.go", new JsonObject { ["m"] = "digital-divide", ["from"] = 0, ["to"] = 1 }),
            bot.Activities.Submit(user, "a:fuzz", "1", new JsonObject { ["verb"] = "course.map" }),
            bot.Activities.TeamInstall(user, "19:fuzz@thread.tacv2", "19:fuzz@thread.tacv2"),
            bot.Activities.ChannelMention(user, "19:fuzz@thread.tacv2", "19:fuzz@thread.tacv2", "progress"),
            bot.Activities.ChannelExecute(user, "19:fuzz@thread.tacv2", "19:fuzz@thread.tacv2", "1", "nudge.answer", new JsonObject { ["m"] = "safety", ["q"] = "x", ["choice"] = "a" }),
        };
        return [.. activities.Select(a => JsonSerializer.SerializeToNode(a, ProtocolJsonContext.Default.Activity)!.AsObject())];
    }

    private static async Task<LearnerKey> BystanderAsync(BotHost bot)
    {
        var user = TeamsUser.Create("Bystander", "nl-BE");
        var chat = bot.PersonalChat(user);
        await chat.InstallAsync();
        await chat.ClickAsync("Beginnen");
        await chat.ClickAsync("Volgende");
        return new LearnerKey(bot.Activities.TenantId, user.AadObjectId);
    }

    private static async Task<string> SnapshotAsync(BotHost bot, LearnerKey key)
    {
        var stored = await bot.Services.GetRequiredService<ILearnerStore>().FindAsync(key, CancellationToken.None);
        return stored!.ETag + JsonSerializer.Serialize(stored.Value);
    }
}
