using Azure.Core;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Graph;
using ConnectooBot.Web.Tests.BotHosting;
using ConnectooBot.Web.VivaLearning;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.VivaLearning;

/// <summary>The real host with the Viva Learning sync on, pointed at a <see cref="VivaLearningStandIn"/>, with a fake managed identity.</summary>
internal sealed class VivaHost : IAsyncDisposable
{
    public const string RegistrationId = "13727311-e7bb-470d-8b20-6a23d9030d70";
    public const string ContentBaseUrl = "https://teams.microsoft.com/l/chat/0/0?users=28:00000000-0000-0000-0000-00000000b071";
    private const string Token = "viva-test-token";

    private VivaHost(BotHost bot, VivaLearningStandIn graph, FakeTokenCredential credential)
    {
        Bot = bot;
        Graph = graph;
        Credential = credential;
    }

    public BotHost Bot { get; }

    public VivaLearningStandIn Graph { get; }

    public FakeTokenCredential Credential { get; }

    public VivaSyncWorker Worker => Bot.Services.GetRequiredService<VivaSyncWorker>();

    public IVivaSyncStore Store => Bot.Services.GetRequiredService<IVivaSyncStore>();

    public static async Task<VivaHost> StartAsync(
        bool azurite = false,
        TimeProvider? time = null,
        Action<IDictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var graph = await VivaLearningStandIn.StartAsync(RegistrationId, Token);
        var credential = new FakeTokenCredential(Token);
        var bot = await BotHost.StartAsync(azurite: azurite, time: time, configure: settings =>
        {
            settings["VivaLearning:Enabled"] = "true";
            settings["VivaLearning:RegistrationId"] = RegistrationId;
            settings["VivaLearning:GraphBaseUrl"] = graph.BaseUrl.ToString();
            settings["VivaLearning:ContentBaseUrl"] = ContentBaseUrl;
            settings["VivaLearning:ScanInterval"] = "1.00:00:00"; // only the start-up pass; the tests drive the rest
            settings["VivaLearning:ErasureTimeout"] = "00:00:02";
            configure?.Invoke(settings);
        }, services: collection =>
        {
            collection.AddKeyedSingleton<TokenCredential>(VivaGraphServiceCollectionExtensions.CredentialKey, credential);
            services?.Invoke(collection);
        });
        var host = new VivaHost(bot, graph, credential);
        await host.WaitForStartUpPassAsync();
        return host;
    }

    /// <summary>Waits for the worker's first pass (contents published, learners scanned), then forgets its requests.</summary>
    public async Task WaitForStartUpPassAsync()
    {
        for (var i = 0; i < 200 && !Bot.Logs.Lines.Any(l => l.EventId is 3902 or 3901); i++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Syncs the learner as stored now (the nudge from their turn may already have: the sync is idempotent).</summary>
    public async Task<int> SyncAsync(TeamsUser user)
    {
        var learner = await Bot.Services.GetRequiredService<ILearnerStore>().FindAsync(Key(user), CancellationToken.None);
        return learner is null ? 0 : await Worker.SyncOneAsync(learner.Value, CancellationToken.None);
    }

    public static LearnerKey Key(TeamsUser user) => new(TeamsUser.DefaultTenant, user.AadObjectId);

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
