using System.Security.Claims;
using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.InMemory;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.Time.Testing;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Tests.Turns;

/// <summary>Through the capture middleware, as turns use it: the directory's memory of written conversation references is bounded: it must not grow with the number of learners.</summary>
public sealed class ConversationDirectoryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingStore _store = new();
    private readonly ActivityFactory _activities = new("https://smba.trafficmanager.net/emea/");

    [Fact]
    public async Task ManyMoreLearnersThanItRemembers_AreAllStored_ButTheMemoryStaysBounded()
    {
        using var directory = new ConversationDirectory(_store, _time);
        var capture = new ConversationCaptureMiddleware(directory);
        var learners = ConversationDirectory.RememberedConversations + 5_000;

        for (var i = 0; i < learners; i++)
        {
            await TurnAsync(capture, i);
        }

        Assert.Equal(learners, _store.Upserts);
        Assert.InRange(directory.RememberedCount, 1, ConversationDirectory.RememberedConversations);
    }

    [Fact]
    public async Task ARememberedConversation_IsNotWrittenAgain_UntilAnHourWithoutTurns()
    {
        using var directory = new ConversationDirectory(_store, _time);
        var capture = new ConversationCaptureMiddleware(directory);
        await TurnAsync(capture, 1);
        await TurnAsync(capture, 1);
        _time.Advance(TimeSpan.FromMinutes(50));
        await TurnAsync(capture, 1);
        Assert.Equal(1, _store.Upserts);

        _time.Advance(TimeSpan.FromMinutes(61));
        await TurnAsync(capture, 1);
        Assert.Equal(2, _store.Upserts); // forgotten after an idle hour: written once more, nothing else
    }

    private async Task TurnAsync(ConversationCaptureMiddleware capture, int learner)
    {
        var user = new TeamsUser($"Learner {learner}", "fr-BE", $"00000000-0000-0000-0000-{learner:D12}", $"29:{learner}");
        var activity = _activities.PersonalMessage(user, $"a:{learner}", "aide");
        await capture.OnTurnAsync(new TurnContext(activity, new ClaimsIdentity(), null!), _ => Task.CompletedTask, CancellationToken.None);
    }

    private sealed class CountingStore : IConversationStore
    {
        private readonly InMemoryConversationStore _inner = new();

        public int Upserts { get; private set; }

        public Task<ConversationRecord?> FindAsync(string tenantId, string conversationId, CancellationToken cancellationToken) => _inner.FindAsync(tenantId, conversationId, cancellationToken);

        public Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken)
        {
            Upserts++;
            return _inner.UpsertAsync(record, cancellationToken);
        }

        public Task MarkInactiveAsync(string tenantId, string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
            _inner.MarkInactiveAsync(tenantId, conversationId, reason, at, cancellationToken);

        public Task DeleteAsync(string tenantId, string conversationId, CancellationToken cancellationToken) => _inner.DeleteAsync(tenantId, conversationId, cancellationToken);

        public IAsyncEnumerable<ConversationRecord> ListAsync(string tenantId, CancellationToken cancellationToken) => _inner.ListAsync(tenantId, cancellationToken);
    }
}
