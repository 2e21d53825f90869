using Azure.Data.Tables;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.Content;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Testing.Load;
using ConnectooBot.Testing.Storage;
using ConnectooBot.Web.Badges;

namespace ConnectooBot.Web.Tests.ScaleOut;

/// <summary>
/// Two real host processes (<c>dotnet ConnectooBot.Web.dll</c>, Development, authentication off) on one Azurite table
/// prefix, one badge signing key and one <see cref="RecordingConnector"/>, as two App Service instances over one
/// storage account. <see cref="First"/> fails its first badge-store call (<c>Storage:Faults</c>); both delay every
/// badge write by a second, so that two instances issuing at once really overlap. Tests may start more instances
/// (<see cref="StartAsync"/>), for example one to kill.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly List<BotProcess> _started = [];
    private readonly string _signingKey = BadgeSigningKey.GeneratePem();
    private string _connectionString = string.Empty;

    public string Prefix { get; } = Azurite.NewTablePrefix();

    public RecordingConnector Connector { get; private set; } = null!;

    public ActivityFactory Activities { get; private set; } = null!;

    public Learning.Catalog.Course Course { get; private set; } = null!;

    public BotProcess First { get; private set; } = null!;

    public BotProcess Second { get; private set; } = null!;

    public HttpClient FirstClient { get; private set; } = null!;

    public HttpClient SecondClient { get; private set; } = null!;

    /// <summary>The badges, read straight from the table both instances write.</summary>
    public IBadgeStore Badges => new TableBadgeStore(Table(TableBadgeStore.TableName));

    public ITeamStore Teams => new TableTeamStore(Table("Teams"));

    public async Task InitializeAsync()
    {
        _connectionString = (await Azurite.GetAsync()).ConnectionString;
        Connector = await RecordingConnector.StartAsync();
        Activities = new ActivityFactory(Connector.ServiceUrl);
        var webDll = BotProcess.BuiltWebDll();
        Course = ContentLoader.LoadCourse(Path.Combine(Path.GetDirectoryName(webDll)!, "dialogs-content"));
        var slowBadgeWrites = new Dictionary<string, string> { ["Storage__Faults__BadgeStoreWriteDelay"] = "00:00:01" };
        var started = await Task.WhenAll(
            StartAsync(new Dictionary<string, string>(slowBadgeWrites) { ["Storage__Faults__BadgeStoreFailures"] = "1" }),
            StartAsync(slowBadgeWrites));
        (First, Second) = (started[0], started[1]);
        _started.AddRange(started);
        FirstClient = First.CreateClient();
        SecondClient = Second.CreateClient();
    }

    /// <summary>
    /// Starts one more instance on the same storage and connector; the caller disposes it. Nudge and reminder schedulers are off unless
    /// <paramref name="settings"/> turn them on (<c>Nudges__SchedulerEnabled</c>).
    /// </summary>
    public async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Backend"] = "AzureTables",
            ["Storage__ConnectionString"] = _connectionString,
            ["Storage__TablePrefix"] = Prefix,
            ["Bot__Connector__AllowLoopbackServiceUrls"] = "true",
            ["Badges__SigningKeyPem"] = _signingKey,
            ["Nudges__SchedulerEnabled"] = "false",
            ["Reminders__SchedulerEnabled"] = "false",
            ["Delivery__PollInterval"] = "00:00:00.200",
            ["Bot__Endpoint__TurnTimeout"] = "00:00:05", // a dead instance's hold on an activity ends sooner
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return await BotProcess.StartAsync(BotProcess.BuiltWebDll(), environment);
    }

    public async Task DisposeAsync()
    {
        FirstClient?.Dispose();
        SecondClient?.Dispose();
        foreach (var process in _started)
        {
            await process.DisposeAsync();
        }

        if (Connector is not null)
        {
            await Connector.DisposeAsync();
        }
    }

    private TableClient Table(string name) => new TableServiceClient(_connectionString).GetTableClient(Prefix + name);
}
