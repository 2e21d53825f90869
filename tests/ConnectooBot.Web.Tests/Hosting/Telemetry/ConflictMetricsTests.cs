using ConnectooBot.Learning.Turns;
using System.Diagnostics.Metrics;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ConnectooBot.Web.Hosting.Telemetry;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

public sealed class ConflictMetricsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly RacingLearnerStore _store = new();
    private readonly LearnerKey _key = new("tenant", Guid.NewGuid().ToString());
    private BotHost _bot = null!;
    private MetricRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(services: services =>
        {
            services.RemoveAll<ILearnerStore>();
            services.AddSingleton<ILearnerStore>(_store);
        });
        _metrics = new MetricRecorder(_bot.Services.GetRequiredService<IMeterFactory>(), BotMetrics.StorageConflictsName);
        await _store.InsertAsync(new Learner { Key = _key, Language = "fr", FirstSeen = Now, LastActive = Now }, RecentClaims.None, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task LearnerUpdate_WhenAnotherWriterChangedTheETag_CountsOneLearnerConflictAndSaves()
    {
        _store.RaceNextReplaces(1);

        var saved = await Updater().UpdateAsync(_key, current => current! with { Language = "nl" }, CancellationToken.None);

        Assert.Equal("nl", saved!.Language);
        var conflict = Assert.Single(_metrics.Of(BotMetrics.StorageConflictsName));
        Assert.Equal(1, conflict.Value);
        Assert.Equal("learner", conflict.Tags["storage.record"]);
    }

    [Fact]
    public async Task LearnerUpdate_WithoutARace_CountsNoConflict()
    {
        var saved = await Updater().UpdateAsync(_key, current => current! with { Language = "de" }, CancellationToken.None);

        Assert.Equal("de", saved!.Language);
        Assert.Empty(_metrics.Of(BotMetrics.StorageConflictsName));
    }

    private LearnerUpdater Updater() => _bot.Services.GetRequiredService<LearnerUpdater>();
}
