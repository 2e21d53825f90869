using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Protocol.Tests.Hosting;

public sealed class ActivityDeduplicatorTests
{
    private readonly FakeTimeProvider _time = new();

    private ActivityDeduplicator Create() => new(Options.Create(new BotEndpointOptions { DuplicateWindow = TimeSpan.FromMinutes(1) }), _time);

    private static Activity Activity(string id) => new() { Id = id, Conversation = new ConversationAccount { Id = "a:1" } };

    [Fact]
    public async Task RunOnce_SameIdTwice_ProcessesOnceAndReturnsTheFirstResponse()
    {
        var dedup = Create();
        var runs = 0;
        var response = new InvokeResponse(200, null);

        var first = await dedup.RunOnceAsync(Activity("x"), () => { runs++; return Task.FromResult<InvokeResponse?>(response); });
        var second = await dedup.RunOnceAsync(Activity("x"), () => { runs++; return Task.FromResult<InvokeResponse?>(null); });

        Assert.Equal(1, runs);
        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Same(response, second.Response);
    }

    [Fact]
    public async Task RunOnce_DuplicateAfterTheResponseWindow_IsStillNotRun_ButTheCardIsNoLongerKept()
    {
        var dedup = new ActivityDeduplicator(Options.Create(new BotEndpointOptions { DuplicateWindow = TimeSpan.FromMinutes(5), DuplicateResponseWindow = TimeSpan.FromMinutes(1) }), _time);
        var runs = 0;
        var card = new InvokeResponse(200, new System.Text.Json.Nodes.JsonObject { ["type"] = "AdaptiveCard" });
        await dedup.RunOnceAsync(Activity("x"), () => { runs++; return Task.FromResult<InvokeResponse?>(card); });

        _time.Advance(TimeSpan.FromSeconds(30));
        var soon = await dedup.RunOnceAsync(Activity("x"), () => { runs++; return Task.FromResult<InvokeResponse?>(null); });
        _time.Advance(TimeSpan.FromSeconds(45));
        await dedup.RunOnceAsync(Activity("other"), () => Task.FromResult<InvokeResponse?>(null)); // any turn sweeps
        var late = await dedup.RunOnceAsync(Activity("x"), () => { runs++; return Task.FromResult<InvokeResponse?>(null); });

        Assert.Equal(1, runs);
        Assert.Same(card, soon.Response);
        Assert.True(late.Duplicate);
        Assert.Equal(new InvokeResponse(200, null), late.Response);
    }

    [Fact]
    public async Task RunOnce_DuplicateWhileFirstIsRunning_WaitsForIt()
    {
        var dedup = Create();
        var gate = new TaskCompletionSource<InvokeResponse?>();
        var runs = 0;

        var first = dedup.RunOnceAsync(Activity("x"), () => { runs++; return gate.Task; });
        var second = dedup.RunOnceAsync(Activity("x"), () => { runs++; return Task.FromResult<InvokeResponse?>(null); });
        Assert.False(second.IsCompleted);
        gate.SetResult(new InvokeResponse(200, null));

        Assert.True((await second).Duplicate);
        Assert.False((await first).Duplicate);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task RunOnce_FailedTurn_CanBeRetried()
    {
        var dedup = Create();
        await Assert.ThrowsAsync<InvalidOperationException>(() => dedup.RunOnceAsync(Activity("x"), () => throw new InvalidOperationException()));

        var retry = await dedup.RunOnceAsync(Activity("x"), () => Task.FromResult<InvokeResponse?>(null));

        Assert.False(retry.Duplicate);
    }

    [Fact]
    public async Task RunOnce_SameIdInAnotherConversation_IsNotADuplicate()
    {
        var dedup = Create();
        await dedup.RunOnceAsync(Activity("x"), () => Task.FromResult<InvokeResponse?>(null));
        var other = Activity("x");
        other.Conversation!.Id = "a:2";

        var result = await dedup.RunOnceAsync(other, () => Task.FromResult<InvokeResponse?>(null));

        Assert.False(result.Duplicate);
    }

    [Fact]
    public async Task RunOnce_AfterTheWindow_IsForgotten()
    {
        var dedup = Create();
        await dedup.RunOnceAsync(Activity("x"), () => Task.FromResult<InvokeResponse?>(null));
        _time.Advance(TimeSpan.FromMinutes(2));
        await dedup.RunOnceAsync(Activity("y"), () => Task.FromResult<InvokeResponse?>(null)); // triggers the sweep

        var again = await dedup.RunOnceAsync(Activity("x"), () => Task.FromResult<InvokeResponse?>(null));

        Assert.False(again.Duplicate);
    }
}
